import { systemActor } from "@/lib/auth/actor";
import { revealSecret } from "@/lib/credentials";
import { recordKeyHalf, recordSecretHalf } from "@/lib/verification";
import { createMerchant } from "@/tests/factories/merchant";
import { defineMutations } from "@/tests/helpers/mutations";
import { auditOf } from "@/tests/factories/audit";
import { credentialsOf, newCredential } from "@/tests/factories/credential";

/** Credential verbs for the role-matrix test. Single halves only: nothing is queued. */
export default defineMutations([
  {
    name: "credentials: record the API key",
    permission: "credentials:record",
    arrange: async () => ({ merchant: await createMerchant() }),
    act: (actor, { merchant }) => recordKeyHalf(actor!, { merchantId: merchant.id, key: newCredential() }),
    happened: async ({ merchant }) => (await credentialsOf(merchant.id)).length > 0,
  },
  {
    name: "credentials: record the API secret",
    permission: "credentials:record",
    arrange: async () => ({ merchant: await createMerchant() }),
    act: (actor, { merchant }) => recordSecretHalf(actor!, { merchantId: merchant.id, secret: newCredential() }),
    happened: async ({ merchant }) => (await credentialsOf(merchant.id)).length > 0,
  },
  {
    name: "credentials: reveal a secret",
    permission: "credentials:reveal",
    arrange: async () => {
      const merchant = await createMerchant();
      return recordSecretHalf(systemActor("test"), { merchantId: merchant.id, secret: newCredential() });
    },
    act: (actor, { credentialId }) => revealSecret(actor!, { credentialId, reason: "Role matrix test of the reveal" }),
    happened: async ({ credentialId }) => (await auditOf(credentialId, "credentials.reveal_secret")).length === 1,
  },
]);
