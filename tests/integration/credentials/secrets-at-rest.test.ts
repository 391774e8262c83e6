import { afterEach, describe, expect, it } from "vitest";
import { sql } from "@/db/client";
import { loadCredentialForVerification, rotateSecrets } from "@/lib/credentials";
import { recordKeyHalf, recordSecretHalf } from "@/lib/verification";
import { payloadKeyId } from "@/lib/crypto/secret-box";
import { overrideEnv } from "@/lib/env";
import { createMerchant } from "@/tests/factories/merchant";
import { createStaff } from "@/tests/factories/staff";
import { TEST_ENV } from "@/tests/helpers/test-env";
import { closeQueuesAfterAll } from "@/tests/helpers/jobs";
import { credentialRow, newCredential } from "@/tests/factories/credential";

closeQueuesAfterAll();

let restoreEnv: (() => void) | undefined;
function useActiveKey(id: "v1" | "v2", ring: string = TEST_ENV.SECRETS_KEYRING) {
  restoreEnv?.();
  restoreEnv = overrideEnv({ SECRETS_ACTIVE_KEY: id, SECRETS_KEYRING: ring });
}

afterEach(() => useActiveKey("v2"));

async function recordPair() {
  const { actor } = await createStaff();
  const merchant = await createMerchant();
  const key = newCredential();
  const secret = newCredential();
  await recordKeyHalf(actor, { merchantId: merchant.id, key });
  const { credentialId } = await recordSecretHalf(actor, { merchantId: merchant.id, secret });
  return { merchant, key, secret, credentialId };
}

describe("secrets at rest", () => {
  it("stores neither the key nor the secret in plain text, anywhere in the database", async () => {
    const { key, secret, credentialId } = await recordPair();
    const [row] = await sql`select * from merchant_credentials where id = ${credentialId}`;
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(key);
    expect(stored).not.toContain(secret);
    expect(row?.key_ciphertext).toMatch(/^v2\./);
    expect(row?.secret_ciphertext).toMatch(/^v2\./);

    // Every text-ish column of every table: the timeline, steps and audit rows included.
    const tables = await sql<
      { table_name: string }[]
    >`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`;
    for (const { table_name } of tables) {
      const [hit] = await sql.unsafe(
        `select count(*)::int as n from "${table_name}" t where t::text like $1 or t::text like $2`,
        [`%${key}%`, `%${secret}%`],
      );
      expect(hit?.n, `plaintext found in ${table_name}`).toBe(0);
    }
    // …while the pair still decrypts for the engine.
    expect(await loadCredentialForVerification(credentialId)).toMatchObject({ key, secret });
  });

  it("rotation re-encrypts every row under the active key; old rows decrypt before and after", async () => {
    useActiveKey("v1");
    const old = await recordPair();
    const oldRow = await credentialRow(old.credentialId);
    expect(payloadKeyId(oldRow.keyCiphertext!)).toBe("v1");
    expect(payloadKeyId(oldRow.secretCiphertext!)).toBe("v1");

    useActiveKey("v2");
    const current = await recordPair();
    // Before rotation: the v1 rows still decrypt with v2 active (v1 is still in the ring).
    expect(await loadCredentialForVerification(old.credentialId)).toMatchObject({ key: old.key, secret: old.secret });

    const { rotated, scanned } = await rotateSecrets({ batchSize: 1 });
    expect(rotated).toBeGreaterThanOrEqual(1);
    expect(scanned).toBeGreaterThanOrEqual(2);
    const rows = await sql<
      { key_ciphertext: string | null; secret_ciphertext: string | null }[]
    >`select key_ciphertext, secret_ciphertext from merchant_credentials`;
    for (const row of rows) {
      if (row.key_ciphertext) expect(payloadKeyId(row.key_ciphertext)).toBe("v2");
      if (row.secret_ciphertext) expect(payloadKeyId(row.secret_ciphertext)).toBe("v2");
    }
    const currentBefore = await credentialRow(current.credentialId);
    expect((await rotateSecrets()).rotated).toBe(0);
    expect((await credentialRow(current.credentialId)).keyCiphertext).toBe(currentBefore.keyCiphertext);

    // With v1 dropped from the ring, every row still decrypts.
    useActiveKey(
      "v2",
      TEST_ENV.SECRETS_KEYRING.split(",")
        .filter((entry) => entry.startsWith("v2:"))
        .join(","),
    );
    expect(await loadCredentialForVerification(old.credentialId)).toMatchObject({ key: old.key, secret: old.secret });
    expect(await loadCredentialForVerification(current.credentialId)).toMatchObject({
      key: current.key,
      secret: current.secret,
    });
  });

  it("a row under a key that left the ring fails loudly, naming the key id and not the secret", async () => {
    useActiveKey("v1");
    const old = await recordPair();
    useActiveKey(
      "v2",
      TEST_ENV.SECRETS_KEYRING.split(",")
        .filter((entry) => entry.startsWith("v2:"))
        .join(","),
    );
    const error = await loadCredentialForVerification(old.credentialId).catch((e: unknown) => e);
    expect(String(error)).toMatch(/uses key "v1", which is not in the key ring/);
    expect(String(error)).not.toContain(old.secret);
  });
});
