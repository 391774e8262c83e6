import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { merchants } from "@/db/schema";
import { closeQueues } from "@/lib/jobs/queues";
import { createConnectLink, submitConnectCredentials } from "@/lib/connect-links";
import { linkState } from "@/lib/connect-links/link-state";
import { recordHalves } from "@/lib/credentials/record-halves";
import { RuleViolationError } from "@/lib/errors";
import { completeStep } from "@/lib/onboarding";
import { closeRedis } from "@/lib/redis";
import { confirmShopIdentity, runVerification } from "@/lib/verification";
import { createMerchant, doneSteps, readMerchant } from "@/tests/factories/merchant";
import { createStaff } from "@/tests/factories/staff";
import type { SimShop } from "@/tests/lightspeed-simulator";
import { linkRow } from "@/tests/factories/connect-link";
import { credentialOf } from "@/tests/factories/credential";
import { withSimulator } from "@/tests/helpers/simulator";

/**
 * The key belongs to this shop: the first healthy pair pins the merchant's Lightspeed account,
 * a pair of another account is refused naming its shop, a domain that disagrees with the sign-up
 * is flagged for a specialist, and the secure link never replaces a verified pair.
 */
const run = randomBytes(3).toString("hex");
/** One Napa shop per test: each merchant signs up with its own shop's domain (domains are unique). */
const napa = (id: number, tag: string): SimShop => ({
  id,
  cluster: "eu1",
  name: "Napa Valley Cellars",
  mainDomain: `napavalleycellars-${tag}-${run}.test`,
  languages: ["en"],
});
const NAPA = { a: napa(2001, "a"), b: napa(2003, "b"), c: napa(2004, "c"), d: napa(2005, "d") };
const MAISON: SimShop = {
  id: 2002,
  cluster: "eu1",
  name: "Maison du Vin",
  mainDomain: `maisonduvin-${run}.test`,
  languages: ["en"],
};
const lightspeed = withSimulator({ shops: [...Object.values(NAPA), MAISON] });
afterAll(async () => {
  await closeQueues();
  await closeRedis();
});

let seed = 0;
/** A fresh key on `shop`; `seed` also numbers the link submissions' client IPs. */
const keyOf = (shop: SimShop) => {
  seed++;
  return lightspeed.addKey({ shopId: shop.id });
};

async function napaMerchant(tag: keyof typeof NAPA) {
  const staff = await createStaff();
  const merchant = await createMerchant({ shopDomain: NAPA[tag].mainDomain, cluster: "eu1", language: "en" });
  return { staff, merchant };
}

/** Records a pair the way an email intake does, then verifies it on the spot (no queue). */
async function verifyPair(
  actor: Parameters<typeof recordHalves>[0],
  merchantId: string,
  key: { key: string; secret: string },
) {
  const { credentialId } = await recordHalves(
    actor,
    { merchantId, key: key.key, secret: key.secret },
    { via: "email" },
  );
  const outcome = await runVerification({ credentialId, trigger: "verify_now" });
  return { credentialId, ...outcome };
}

describe("the key belongs to this shop", () => {
  it("pins the shop on the first healthy pair and refuses a pair of another shop, naming it", async () => {
    const { staff, merchant } = await napaMerchant("a");
    const first = await verifyPair(staff.actor, merchant.id, keyOf(NAPA.a));
    expect(first.identity).toBeNull();
    expect(await readMerchant(merchant.id)).toMatchObject({
      lightspeedAccountId: NAPA.a.id,
      lightspeedShopDomain: NAPA.a.mainDomain,
      shopIdentityReview: null,
    });

    const other = await verifyPair(staff.actor, merchant.id, keyOf(MAISON));
    expect(other.result.verdict).toBe("healthy");
    expect(other.identity).toMatchObject({
      kind: "other_shop",
      message: expect.stringContaining(`Maison du Vin (${MAISON.mainDomain})`),
    });
    expect(await credentialOf(other.credentialId)).toMatchObject({
      status: "rejected",
      rejectionReason: expect.stringContaining(MAISON.mainDomain),
    });
    expect(await credentialOf(first.credentialId)).toMatchObject({ status: "active" });
    const after = await readMerchant(merchant.id);
    expect(after.merchantActionRequired).toContain("belongs to another Lightspeed shop");
    expect(after.ballInCourt).toBe("merchant");
  });

  it("flags a first key whose domain disagrees with the sign-up; Live waits until a specialist confirms", async () => {
    const { staff, merchant } = await napaMerchant("b");
    const lead = await createStaff({ role: "lead" });
    const first = await verifyPair(staff.actor, merchant.id, keyOf(MAISON));
    expect(first.identity).toMatchObject({ kind: "review" });
    const flagged = await readMerchant(merchant.id);
    expect(flagged).toMatchObject({
      lightspeedAccountId: null,
      shopIdentityReview: {
        accountId: MAISON.id,
        reportedDomain: MAISON.mainDomain,
        signupDomain: merchant.shopDomain,
      },
    });
    expect(await doneSteps(merchant.id)).toContain("key_verified");
    await expect(completeStep(lead.actor, { merchantId: merchant.id, stage: "live" })).rejects.toThrow(
      /shop confirmed/,
    );

    await confirmShopIdentity(staff.actor, { merchantId: merchant.id });
    expect(await readMerchant(merchant.id)).toMatchObject({
      lightspeedAccountId: MAISON.id,
      lightspeedShopDomain: MAISON.mainDomain,
      shopIdentityReview: null,
    });
    await completeStep(lead.actor, { merchantId: merchant.id, stage: "live" });
    expect(await doneSteps(merchant.id)).toContain("live");
  });
});

describe("secure links and a verified pair", () => {
  it("refuses a link submission while a verified pair is active, and leaves the pair alone", async () => {
    const { staff, merchant } = await napaMerchant("c");
    const link = await createConnectLink(staff.actor, { merchantId: merchant.id });
    const first = await verifyPair(staff.actor, merchant.id, keyOf(NAPA.c));
    const stranger = keyOf(MAISON);

    // The link was spent when the first pair became active; a link created afterwards is refused by the rule itself.
    expect(linkState(await linkRow(link.id))).toBe("spent");
    const late = await createConnectLink(staff.actor, { merchantId: merchant.id });
    const attempt = submitConnectCredentials(
      late.token,
      { key: stranger.key, secret: stranger.secret },
      { ip: `203.0.113.${seed}-${run}` },
    );
    await expect(attempt).rejects.toBeInstanceOf(RuleViolationError);
    await expect(attempt).rejects.toThrow(/already connected with a working API key/);
    expect(await credentialOf(first.credentialId)).toMatchObject({ status: "active" });
    const [row] = await db.select({ id: merchants.id }).from(merchants).where(eq(merchants.id, merchant.id));
    expect(row).toBeDefined();
  });

  it("spends every other open link of the merchant when a pair becomes active through one of them", async () => {
    const { staff, merchant } = await napaMerchant("d");
    const used = await createConnectLink(staff.actor, { merchantId: merchant.id });
    const older = await createConnectLink(staff.actor, { merchantId: merchant.id });
    const key = keyOf(NAPA.d);

    const result = await submitConnectCredentials(
      used.token,
      { key: key.key, secret: key.secret },
      { ip: `203.0.113.${seed}-${run}` },
    );
    expect(result.outcome).toBe("connected");
    expect(linkState(await linkRow(used.id))).toBe("spent");
    expect(linkState(await linkRow(older.id))).toBe("spent");
    const other = keyOf(MAISON);
    await expect(
      submitConnectCredentials(
        older.token,
        { key: other.key, secret: other.secret },
        { ip: `203.0.113.${seed}-${run}-2` },
      ),
    ).rejects.toThrow(/already connected/);
  });
});
