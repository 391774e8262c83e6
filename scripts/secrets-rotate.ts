/**
 * `npm run secrets:rotate`: re-encrypts every stored Lightspeed key and secret, and the tokens kept
 * for unassigned triage mail, under SECRETS_ACTIVE_KEY. Run it after adding a new key to
 * SECRETS_KEYRING and making it active; once it reports 0 left on old keys, the old key can be
 * removed from the ring.
 */
import { loadEnvFile } from "@/lib/load-env-file";

loadEnvFile();

const { rotateSecrets } = await import("@/lib/credentials/rotate-secrets");
const { rotateSealedTokens } = await import("@/lib/intake/rotate-sealed-tokens");
const { closeDb } = await import("@/db/client");

try {
  const { rotated, scanned, activeKeyId } = await rotateSecrets();
  console.log(`Active key: ${activeKeyId}`);
  console.log(`Credential rows scanned: ${scanned}`);
  console.log(`Re-encrypted under ${activeKeyId}: ${rotated}`);
  console.log(`Already under ${activeKeyId}: ${scanned - rotated}`);
  const triage = await rotateSealedTokens();
  console.log(`Triage messages with sealed tokens scanned: ${triage.scanned}`);
  console.log(`Re-sealed under ${activeKeyId}: ${triage.rotated}`);
} catch (error) {
  // Messages from the key ring and secret box never contain key material or plaintext.
  console.error(`Rotation failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await closeDb();
}
