import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { merchantEvents } from "@/db/schema";
import { completeStep, holdMerchant, resumeMerchant } from "@/lib/onboarding";
import { addBusinessSeconds } from "@/lib/sla/business-time";
import { systemActor } from "@/lib/auth/actor";
import { recomputeAllClocks } from "@/lib/sla/recompute-all-clocks";
import { loadAgencyCalendar } from "@/lib/sla/sla-context";
import { sweepSlaWarnings } from "@/lib/onboarding/sweep-sla-warnings";
import { createMerchant } from "@/tests/factories/merchant";
import { createStaff } from "@/tests/factories/staff";
import { shiftHistory } from "@/tests/helpers/sla-history";
import { readMerchant } from "@/tests/factories/merchant";

const H = 3600;
const DAY_MS = 86_400_000;

describe("stored SLA instants follow the events", () => {
  it("a merchant's time zone comes from its country, or as chosen", async () => {
    expect((await createMerchant({ country: "NL" })).timeZone).toBe("Europe/Amsterdam");
    expect((await createMerchant({ country: "US", timeZone: "America/Chicago" })).timeZone).toBe("America/Chicago");
  });

  it("password reset is due 4 agency business hours after it became Actenzo's move; a hold moves it later, resume never resets it", async () => {
    const specialist = await createStaff();
    const merchant = await createMerchant({}, { completed: ["user_created"] });
    expect(await readMerchant(merchant.id)).toMatchObject({ slaDueAt: null, slaWarnAt: null }); // the merchant's move
    await completeStep(specialist.actor, {
      merchantId: merchant.id,
      stage: "user_approved",
      evidence: { fullPermissions: true },
    });
    const agency = await loadAgencyCalendar();
    const open = await readMerchant(merchant.id);
    expect(open.currentStage).toBe("password_reset");
    const started = open.stageEnteredAt;
    expect(open.slaDueAt).toEqual(addBusinessSeconds(started, 4 * H, agency));
    expect(open.slaWarnAt).toEqual(addBusinessSeconds(started, 3 * H, agency));

    await holdMerchant(specialist.actor, { merchantId: merchant.id, reason: "Owner on holiday" });
    expect(await readMerchant(merchant.id)).toMatchObject({ slaDueAt: null, slaWarnAt: null }); // paused, not reset
    await resumeMerchant(specialist.actor, { merchantId: merchant.id });
    const resumed = await readMerchant(merchant.id);
    expect(resumed.stageEnteredAt).toEqual(started);
    expect(resumed.slaDueAt!.getTime()).toBeGreaterThanOrEqual(open.slaDueAt!.getTime());

    await completeStep(specialist.actor, { merchantId: merchant.id, stage: "password_reset" });
    expect(await readMerchant(merchant.id)).toMatchObject({ currentStage: "key_received", slaDueAt: null });
  });

  it("the warning tick records one sla_warning per step at 75 %, however often it runs", async () => {
    const merchant = await createMerchant({}, { completed: ["user_created", "user_approved"] });
    await shiftHistory(merchant.id, 10 * DAY_MS); // ten days of Actenzo's move: far past 4 business hours
    const shifted = await readMerchant(merchant.id);
    expect(shifted.slaDueAt!.getTime()).toBeLessThan(Date.now());

    const first = await sweepSlaWarnings();
    expect(first.warned).toBeGreaterThanOrEqual(1);
    await Promise.all([sweepSlaWarnings(), sweepSlaWarnings()]);
    const warnings = await db
      .select()
      .from(merchantEvents)
      .where(and(eq(merchantEvents.merchantId, merchant.id), eq(merchantEvents.type, "sla_warning")));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      stage: "password_reset",
      actorId: null,
      evidence: { targetSeconds: 4 * H, policyVersion: expect.any(Number), dueAt: shifted.slaDueAt!.toISOString() },
    });
  });

  it("the full recompute restores what a write would have stored, and carries on from a cursor", async () => {
    const merchant = await createMerchant({}, { completed: ["user_created", "user_approved"] });
    const stored = await readMerchant(merchant.id);
    await db.execute(`update merchants set sla_due_at = null, sla_warn_at = null where id = '${merchant.id}'`);
    // A run restarted past this merchant leaves it alone; a run from the start puts it right.
    const { recordId } = await recomputeAllClocks(systemActor("test"));
    await db.execute(`update merchants set sla_due_at = null, sla_warn_at = null where id = '${merchant.id}'`);
    const resumed = await recomputeAllClocks(systemActor("test"), {
      resume: { recordId, after: merchant.id, merchants: 0 },
    });
    expect(resumed.recordId).toBe(recordId);
    expect(await readMerchant(merchant.id)).toMatchObject({ slaDueAt: null, slaWarnAt: null });
    const { merchants: refreshed } = await recomputeAllClocks(systemActor("test"));
    expect(refreshed).toBeGreaterThanOrEqual(1);
    expect(await readMerchant(merchant.id)).toMatchObject({ slaDueAt: stored.slaDueAt, slaWarnAt: stored.slaWarnAt });
  });

  it("the recompute's two lanes over small batches put every merchant right and move the cursor only forward", async () => {
    const created = await Promise.all(
      [1, 2, 3, 4, 5, 6, 7].map(() => createMerchant({}, { completed: ["user_created", "user_approved"] })),
    );
    const stored = await Promise.all(created.map((m) => readMerchant(m.id)));
    const ids = created.map((m) => `'${m.id}'`).join(",");
    await db.execute(`update merchants set sla_due_at = null, sla_warn_at = null where id in (${ids})`);
    const progress: { after: string; merchants: number }[] = [];
    const result = await recomputeAllClocks(systemActor("test"), {
      batchSize: 2,
      lanes: 2,
      onProgress: async ({ after, merchants }) => {
        progress.push({ after, merchants });
      },
    });
    for (const [i, m] of created.entries())
      expect(await readMerchant(m.id)).toMatchObject({
        slaDueAt: stored[i]!.slaDueAt,
        slaWarnAt: stored[i]!.slaWarnAt,
      });
    expect(result.merchants).toBe(result.total);
    expect(progress.at(-1)?.merchants).toBe(result.total);
    for (const [i, p] of progress.entries()) {
      if (i === 0) continue;
      expect(p.merchants).toBeGreaterThanOrEqual(progress[i - 1]!.merchants);
      expect(p.after >= progress[i - 1]!.after).toBe(true);
    }
  });
});
