import { randomUUID } from "node:crypto";
import { merchantCredentials } from "@/db/schema";
import type { Tx } from "@/db/client";
import { keyFingerprint } from "@/lib/credentials/credential-input";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { startMonitoring } from "@/lib/key-health/start-monitoring";
import type { DemoMerchant } from "./build-demo-data";
import { demoCredentials } from "./demo-keys";

type CredentialRow = typeof merchantCredentials.$inferInsert;

/**
 * Encrypted credential rows matching each demo merchant's key steps, so the workspace shows
 * fingerprints and the health workers find verified keys (registered in the simulator by
 * `npm run demo` with the same derivation, see demo-keys.ts).
 */
export function credentialRows(merchants: readonly DemoMerchant[]): CredentialRow[] {
  const rows: CredentialRow[] = [];
  for (const m of merchants) {
    const key = m.state.done.get("key_received");
    const secret = m.state.done.get("secret_received");
    const verified = m.state.done.get("key_verified");
    if (!key && !secret) continue;
    const creds = demoCredentials(m.profile.shopDomain);
    const latest = [key, secret].map((e) => e?.createdAt.getTime() ?? 0).reduce((a, b) => Math.max(a, b));
    const id = randomUUID();
    rows.push({
      id,
      merchantId: m.id,
      status: verified
        ? "active"
        : key && secret
          ? m.state.merchantActionRequired
            ? "rejected"
            : "verifying"
          : "collecting",
      keyCiphertext: key ? encryptSecret(creds.key, { credentialId: id, half: "key" }) : null,
      secretCiphertext: secret ? encryptSecret(creds.secret, { credentialId: id, half: "secret" }) : null,
      keyFingerprint: key ? keyFingerprint(creds.key) : null,
      keyReceivedAt: receivedAt(key),
      secretReceivedAt: receivedAt(secret),
      cluster: verified ? m.profile.cluster : null,
      language: m.profile.language,
      rejectionReason: !verified && key && secret ? m.state.merchantActionRequired : null,
      createdAt: new Date(Math.min(key?.createdAt.getTime() ?? Infinity, secret?.createdAt.getTime() ?? Infinity)),
      updatedAt: new Date(verified ? verified.createdAt.getTime() : latest),
      verifiedAt: verified?.createdAt ?? null,
    });
  }
  return rows;
}

/** When the half arrived (the step's evidence), not when it was recorded. */
function receivedAt(event: { createdAt: Date; evidence?: Record<string, unknown> } | undefined): Date | null {
  if (!event) return null;
  const at = event.evidence?.receivedAt;
  return typeof at === "string" ? new Date(at) : event.createdAt;
}

/**
 * Inserts the pairs and puts every active one under health monitoring the way a verification
 * does (lib/key-health startMonitoring), dated at its verification, so the workers' first sweep
 * checks them against the simulator. Returns the rows: the seeded verification runs
 * (seed-verification-runs.ts) point at them.
 */
export async function insertCredentials(tx: Tx, merchants: readonly DemoMerchant[]): Promise<CredentialRow[]> {
  const rows = credentialRows(merchants);
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(merchantCredentials).values(rows.slice(i, i + 1000));
  for (const row of rows) {
    if (row.status !== "active" || !row.id) continue;
    await startMonitoring(tx, {
      merchantId: row.merchantId,
      credentialId: row.id,
      cluster: row.cluster ?? null,
      rateLimit: null,
      now: row.verifiedAt ?? undefined,
    });
  }
  return rows;
}
