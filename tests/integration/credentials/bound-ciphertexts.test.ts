import { createCipheriv, randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { sql } from "@/db/client";
import { loadCredentialForVerification, revealSecret, rotateSecrets } from "@/lib/credentials";
import { recordKeyHalf, recordSecretHalf } from "@/lib/verification";
import { CredentialUnreadableError } from "@/lib/credentials/credential-cipher";
import { isLegacyPayload } from "@/lib/crypto/secret-box";
import { setLogSink } from "@/lib/logger";
import { createMerchant } from "@/tests/factories/merchant";
import { createStaff } from "@/tests/factories/staff";
import { TEST_ENV } from "@/tests/helpers/test-env";
import { auditOf } from "@/tests/factories/audit";
import { closeQueuesAfterAll } from "@/tests/helpers/jobs";
import { credentialRow, newCredential } from "@/tests/factories/credential";

closeQueuesAfterAll();

let restoreSink: (() => void) | undefined;
afterEach(() => restoreSink?.());

async function recordPair() {
  const { actor } = await createStaff();
  const merchant = await createMerchant();
  const key = newCredential();
  const secret = newCredential();
  await recordKeyHalf(actor, { merchantId: merchant.id, key });
  const { credentialId } = await recordSecretHalf(actor, { merchantId: merchant.id, secret });
  return { key, secret, credentialId };
}

/** Seals the way rows were sealed before associated data: no binding to row or column. */
function legacySeal(plain: string) {
  const entry = TEST_ENV.SECRETS_KEYRING.split(",").find((e) => e.startsWith(`${TEST_ENV.SECRETS_ACTIVE_KEY}:`))!;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", Buffer.from(entry.slice(entry.indexOf(":") + 1), "base64"), iv);
  const ct = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [
    TEST_ENV.SECRETS_ACTIVE_KEY,
    iv.toString("base64url"),
    cipher.getAuthTag().toString("base64url"),
    ct.toString("base64url"),
  ].join(".");
}

describe("ciphertexts bound to their row and column", () => {
  it("merchant A's key ciphertext copied into B's secret column makes B's audited reveal fail, logged without the payload", async () => {
    const a = await recordPair();
    const b = await recordPair();
    const stolen = (await credentialRow(a.credentialId)).keyCiphertext!;
    await sql`update merchant_credentials set secret_ciphertext = ${stolen} where id = ${b.credentialId}`;
    const lines: string[] = [];
    restoreSink = setLogSink((line) => lines.push(line));

    const { actor } = await createStaff({ role: "lead" });
    const error = await revealSecret(actor, {
      credentialId: b.credentialId,
      reason: "Merchant asked us to read it back",
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialUnreadableError);
    expect(String(error)).not.toContain(a.key);
    // The attempt is audited; the engine refuses the pair too.
    expect(await auditOf(b.credentialId, "credentials.reveal_secret")).toHaveLength(1);
    await expect(loadCredentialForVerification(b.credentialId)).rejects.toThrow(CredentialUnreadableError);

    const failure = lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.message === "stored credential failed to decrypt");
    expect(failure).toMatchObject({ level: "error", credentialId: b.credentialId, half: "secret" });
    const all = lines.join("\n");
    for (const forbidden of [stolen, stolen.split(".").at(-1)!, a.key, a.secret, b.secret])
      expect(all).not.toContain(forbidden);
  });

  it("the key and the secret of one pair cannot be swapped either", async () => {
    const a = await recordPair();
    await sql`update merchant_credentials set key_ciphertext = secret_ciphertext, secret_ciphertext = key_ciphertext where id = ${a.credentialId}`;
    await expect(loadCredentialForVerification(a.credentialId)).rejects.toThrow(/cannot be opened/);
  });

  it("legacy unbound rows still decrypt, and secrets:rotate re-seals them bound to their row", async () => {
    const a = await recordPair();
    await sql`update merchant_credentials set key_ciphertext = ${legacySeal(a.key)}, secret_ciphertext = ${legacySeal(a.secret)} where id = ${a.credentialId}`;
    expect(await loadCredentialForVerification(a.credentialId)).toMatchObject({ key: a.key, secret: a.secret });

    const { rotated } = await rotateSecrets();
    expect(rotated).toBeGreaterThanOrEqual(1);
    const row = await credentialRow(a.credentialId);
    expect(isLegacyPayload(row.keyCiphertext!)).toBe(false);
    expect(isLegacyPayload(row.secretCiphertext!)).toBe(false);
    expect(await loadCredentialForVerification(a.credentialId)).toMatchObject({ key: a.key, secret: a.secret });
    const [legacyLeft] = await sql<
      { n: number }[]
    >`select count(*)::int as n from merchant_credentials where key_ciphertext !~ '^[^.]+\\.b1\\.' or secret_ciphertext !~ '^[^.]+\\.b1\\.'`;
    expect(legacyLeft?.n).toBe(0);
  });

  it("a new pair that carries the old key re-seals it for the new row", async () => {
    const { actor } = await createStaff();
    const merchant = await createMerchant();
    const key = newCredential();
    await recordKeyHalf(actor, { merchantId: merchant.id, key });
    const first = await recordSecretHalf(actor, { merchantId: merchant.id, secret: newCredential() });
    const secret = newCredential();
    const second = await recordSecretHalf(actor, { merchantId: merchant.id, secret });
    expect(second.credentialId).not.toBe(first.credentialId);
    expect(await loadCredentialForVerification(second.credentialId)).toMatchObject({ key, secret });
  });
});
