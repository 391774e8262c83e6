import { describe, expect, it } from "vitest";
import { revealSecret } from "@/lib/credentials";
import { recordKeyHalf, recordSecretHalf } from "@/lib/verification";
import { ForbiddenError, UnauthenticatedError, ValidationError } from "@/lib/errors";
import type { StaffActor } from "@/lib/auth/actor";
import { createMerchant } from "@/tests/factories/merchant";
import { createStaff } from "@/tests/factories/staff";
import { auditOf } from "@/tests/factories/audit";
import { closeQueuesAfterAll } from "@/tests/helpers/jobs";
import { newCredential } from "@/tests/factories/credential";

closeQueuesAfterAll();

async function storedPair() {
  const { actor } = await createStaff();
  const merchant = await createMerchant();
  const secret = newCredential();
  await recordKeyHalf(actor, { merchantId: merchant.id, key: newCredential() });
  const { credentialId } = await recordSecretHalf(actor, { merchantId: merchant.id, secret });
  return { credentialId, secret };
}

const REASON = "Merchant lost the secret and asked us to read it back";

describe("revealing a secret", () => {
  it.each(["lead", "admin"] as const)(
    "a %s sees it with a stated reason, and the reveal is audit-logged without the secret",
    async (role) => {
      const { credentialId, secret } = await storedPair();
      const { actor, user } = await createStaff({ role });
      expect(await revealSecret(actor, { credentialId, reason: `  ${REASON}  ` })).toEqual({ secret });
      const audit = await auditOf(credentialId, "credentials.reveal_secret");
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        actorId: user.id,
        entityType: "merchant_credential",
        details: expect.objectContaining({ reason: REASON }),
      });
      expect(JSON.stringify(audit[0])).not.toContain(secret);
    },
  );

  it("a specialist and an anonymous caller cannot, and nothing is logged as revealed", async () => {
    const { credentialId } = await storedPair();
    const { actor } = await createStaff({ role: "specialist" });
    await expect(revealSecret(actor, { credentialId, reason: REASON })).rejects.toThrow(ForbiddenError);
    await expect(revealSecret(null as unknown as StaffActor, { credentialId, reason: REASON })).rejects.toThrow(
      UnauthenticatedError,
    );
    expect(await auditOf(credentialId, "credentials.reveal_secret")).toHaveLength(0);
  });

  it("requires a reason", async () => {
    const { credentialId } = await storedPair();
    const { actor } = await createStaff({ role: "lead" });
    const error = await revealSecret(actor, { credentialId, reason: "  " }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.reason?.[0]).toMatch(/Say why you need the secret/);
    expect(await auditOf(credentialId, "credentials.reveal_secret")).toHaveLength(0);
  });
});
