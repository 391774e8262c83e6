import { describe, expect, it } from "vitest";
import { recordKeyHalf, recordSecretHalf } from "@/lib/verification";
import { keyFingerprint } from "@/lib/credentials/credential-input";
import { createMerchant, eventsOf, stepOf } from "@/tests/factories/merchant";
import { createStaff } from "@/tests/factories/staff";
import { closeQueuesAfterAll } from "@/tests/helpers/jobs";
import { newCredential } from "@/tests/factories/credential";

closeQueuesAfterAll();

describe("recording a key again", () => {
  it("step 5 names the newest key at once; the timeline keeps both recordings", async () => {
    const { actor } = await createStaff();
    const merchant = await createMerchant();
    const first = newCredential();
    const second = newCredential();
    await recordKeyHalf(actor, { merchantId: merchant.id, key: first, receivedAt: new Date("2026-01-05T09:00:00Z") });
    await recordSecretHalf(actor, { merchantId: merchant.id, secret: newCredential() });
    const before = await stepOf(merchant.id, "key_received");

    await recordKeyHalf(actor, { merchantId: merchant.id, key: second, receivedAt: new Date("2026-01-06T09:00:00Z") });

    const after = await stepOf(merchant.id, "key_received");
    expect(after?.evidence).toMatchObject({
      fingerprint: keyFingerprint(second),
      receivedAt: "2026-01-06T09:00:00.000Z",
    });
    expect(after?.completedAt).toEqual(before?.completedAt); // still done since the first key
    const recorded = (await eventsOf(merchant.id, "credential_recorded"))
      .map((e) => (e.evidence as { fingerprint?: string }).fingerprint)
      .filter(Boolean);
    expect(recorded.sort()).toEqual([keyFingerprint(first), keyFingerprint(second)].sort());
  });
});
