import { randomBytes, randomUUID } from "node:crypto";
import { and, eq, inArray, isNotNull, sql as dsql } from "drizzle-orm";
import { db } from "@/db/client";
import { keyHealth, merchantCredentials, merchants } from "@/db/schema";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { makeKey, type SimKey } from "@/tests/lightspeed-simulator";

/**
 * Key health. Monitored merchants seeded straight into the tables (a verified, active pair,
 * encrypted like the credentials verbs do, and a key_health row due now), for tests and the bench that need
 * many of them. The pairs are simulator keys; the caller upserts them into its simulator.
 */
export async function seedMonitoredMerchants(count: number, options: { tag?: string; chunk?: number } = {}) {
  const tag = options.tag ?? randomBytes(4).toString("hex");
  const chunk = options.chunk ?? 500;
  const seeded: { merchantId: string; credentialId: string; key: SimKey }[] = [];
  for (let start = 0; start < count; start += chunk) {
    const batch = Array.from({ length: Math.min(chunk, count - start) }, (_, i) => {
      const n = start + i;
      return { n, key: makeKey(`${tag}-${n}`), credentialId: randomUUID() };
    });
    await db.transaction(async (tx) => {
      const rows = await tx
        .insert(merchants)
        .values(
          batch.map(({ n }) => ({
            company: `Wijnhandel ${tag} ${n} B.V.`,
            shopName: `Wijnhandel ${n}`,
            shopDomain: `wijnhandel-${tag}-${n}.nl`,
            cluster: "eu1" as const,
            language: "nl",
            country: "NL",
            contactName: "Test Contact",
            contactEmail: `contact-${tag}-${n}@example.test`,
            currentStage: "live" as const,
            ballInCourt: "agency" as const,
          })),
        )
        .returning({ id: merchants.id });
      const creds = await tx
        .insert(merchantCredentials)
        .values(
          batch.map(({ key, credentialId }, i) => ({
            id: credentialId,
            merchantId: rows[i]!.id,
            status: "active" as const,
            keyCiphertext: encryptSecret(key.key, { credentialId, half: "key" }),
            secretCiphertext: encryptSecret(key.secret, { credentialId, half: "secret" }),
            keyFingerprint: `${key.key.slice(0, 4)}…${key.key.slice(-4)}`,
            keyReceivedAt: new Date(),
            secretReceivedAt: new Date(),
            cluster: "eu1" as const,
            language: "nl",
            verifiedAt: new Date(),
          })),
        )
        .returning({ id: merchantCredentials.id });
      const due = dsql`now() - interval '1 minute'`;
      await tx.insert(keyHealth).values(
        batch.map((_, i) => ({
          merchantId: rows[i]!.id,
          credentialId: creds[i]!.id,
          state: "healthy" as const,
          cluster: "eu1" as const,
          nextLightCheckAt: due,
          nextFullCheckAt: dsql`now() + interval '1 day'`,
          nextCheckAt: due,
        })),
      );
      batch.forEach(({ key }, i) => seeded.push({ merchantId: rows[i]!.id, credentialId: creds[i]!.id, key }));
    });
  }
  return seeded;
}

export async function healthOf(merchantId: string) {
  const [row] = await db.select().from(keyHealth).where(eq(keyHealth.merchantId, merchantId));
  return row;
}

/** Makes the given merchants' next check due now (full or light), as if the time had come. */
export async function makeDue(merchantIds: string[], kind: "full" | "light") {
  const past = dsql`now() - interval '1 second'`;
  await db
    .update(keyHealth)
    .set(kind === "full" ? { nextFullCheckAt: past, nextCheckAt: past } : { nextLightCheckAt: past, nextCheckAt: past })
    .where(inArray(keyHealth.merchantId, merchantIds));
}

/** Other test files in this vitest worker leave monitored keys behind; this file's sweeps must not check them. */
export async function pauseOtherMonitoring() {
  await db
    .update(keyHealth)
    .set({ nextCheckAt: null })
    .where(and(isNotNull(keyHealth.nextCheckAt)));
}
