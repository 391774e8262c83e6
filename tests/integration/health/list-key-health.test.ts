import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { merchants } from "@/db/schema";
import { cancelMerchant } from "@/lib/onboarding";
import { recordKeyHalf, recordSecretHalf } from "@/lib/verification";
import { parseHealthParams } from "@/lib/key-health/health-params";
import { listKeyHealth, type KeyHealthRow } from "@/lib/key-health/list-key-health";
import { createMerchant } from "@/tests/factories/merchant";
import { createStaff } from "@/tests/factories/staff";
import { drained, waitFor, withWorkers } from "@/tests/helpers/jobs";
import { grants, randomCredential, withSimulator } from "@/tests/helpers/simulator";
import { merchantWithPair, runsOf } from "@/tests/factories/credential";

const lightspeed = withSimulator();
withWorkers(["verification"]);

describe("/health listing", () => {
  it("shows every merchant's key state, intake included, and filters by state", async () => {
    const { actor } = await createStaff();
    const none = await createMerchant();
    const keyOnly = await createMerchant();
    await recordKeyHalf(actor, { merchantId: keyOnly.id, key: randomCredential() });
    const secretOnly = await createMerchant();
    await recordSecretHalf(actor, { merchantId: secretOnly.id, secret: randomCredential() });
    const healthy = await merchantWithPair(lightspeed);
    const rejected = await merchantWithPair(lightspeed, { wrongSecret: randomCredential() });
    const gap = await merchantWithPair(lightspeed, { permissions: grants({ settings: { write: false } }) });
    for (const m of [healthy, rejected, gap]) await waitFor(async () => (await runsOf(m.credentialId)).length, "runs");
    await drained();

    // Other test files share this database: read every page and look at this test's merchants.
    const listAll = async (filter: Record<string, string>) => {
      const found = new Map<string, KeyHealthRow>();
      for (let page = 1; ; page++) {
        const { rows } = await listKeyHealth(actor, parseHealthParams({ ...filter, page: String(page) }));
        rows.forEach((r) => found.set(r.merchantId, r));
        if (rows.length < 50) return found;
      }
    };
    const stateOf = async (filter: Record<string, string>) =>
      new Map([...(await listAll(filter))].map(([id, r]) => [id, r.state]));
    const all = await stateOf({});
    expect(all.get(none.id)).toBe("no_key");
    expect(all.get(keyOnly.id)).toBe("key_only");
    expect(all.get(secretOnly.id)).toBe("secret_only");
    expect(all.get(healthy.merchant.id)).toBe("healthy");
    expect(all.get(rejected.merchant.id)).toBe("rejected");
    expect(all.get(gap.merchant.id)).toBe("permission_gap");

    const problems = await stateOf({ state: "rejected,permission_gap" });
    expect([...problems.values()].every((s) => s === "rejected" || s === "permission_gap")).toBe(true);
    expect(problems.has(gap.merchant.id) && problems.has(rejected.merchant.id)).toBe(true);
    expect(problems.has(healthy.merchant.id)).toBe(false);

    const healthyRow = (await listAll({ state: "healthy" })).get(healthy.merchant.id);
    expect(healthyRow).toMatchObject({ cluster: "eu1", consecutiveFailures: 0, alertOpen: false });
    expect(healthyRow?.nextCheckAt?.getTime()).toBeGreaterThan(Date.now() + 5 * 3600_000);
    expect(healthyRow?.rateLimit?.limit).toEqual([300, 3000, 12000]);
  });

  it("counts the merchants without a key as they sign up, are cancelled or change cluster", async () => {
    const { actor } = await createStaff({ role: "lead" });
    const noKey = async (cluster?: string) =>
      (await listKeyHealth(actor, parseHealthParams(cluster ? { cluster } : {}))).counts.no_key ?? 0;
    // What the figure means, counted the slow way: active merchants with no pair and no monitor.
    const counted = async (cluster?: string) => {
      const [row] = await db.execute<{ n: number }>(sql`select count(*)::int as n from merchants m
        where m.cancelled_at is null ${cluster ? sql`and m.cluster = ${cluster}` : sql``}
          and not exists (select 1 from key_health k where k.merchant_id = m.id)
          and not exists (select 1 from merchant_credentials c where c.merchant_id = m.id
            and c.status in ('collecting', 'verifying', 'rejected', 'active'))`);
      return row!.n;
    };
    const before = { all: await noKey(), eu1: await noKey("eu1"), us1: await noKey("us1") };
    expect(before.all).toBe(await counted());

    const first = await createMerchant({ cluster: "eu1" });
    const second = await createMerchant({ cluster: "eu1" });
    await createMerchant({ cluster: "us1" });
    const keyed = await createMerchant({ cluster: "eu1" });
    await recordKeyHalf(actor, { merchantId: keyed.id, key: randomCredential() });
    expect(await noKey()).toBe(before.all + 3);
    expect(await noKey("eu1")).toBe(before.eu1 + 2);
    expect(await noKey("us1")).toBe(before.us1 + 1);

    await cancelMerchant(actor, { merchantId: first.id, reason: "Shop closed" });
    await db.update(merchants).set({ cluster: "us1" }).where(eq(merchants.id, second.id));
    expect(await noKey("eu1")).toBe(before.eu1);
    expect(await noKey("us1")).toBe(before.us1 + 2);
    expect(await noKey()).toBe(before.all + 2);
    expect(await noKey()).toBe(await counted());
    expect(await noKey("us1")).toBe(await counted("us1"));
  });
});
