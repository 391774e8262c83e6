import type { Actor } from "@/lib/auth/actor";
import { recordHalves, type RecordHalfResult } from "@/lib/credentials/record-halves";
import type { StaffChannel } from "@/lib/pipeline/received-via";
import { verifyWhenComplete } from "./verify-when-complete";

/**
 * Records the API secret (trimmed, 32 letters/digits, stored encrypted), completes
 * `secret_received` (evidence: the date only, never the secret), and queues a verification once
 * the pair is complete. `via` as for the key.
 */
export async function recordSecretHalf(
  actor: Actor,
  input: { merchantId: string; secret: string; receivedAt?: Date | string | null; via?: StaffChannel },
): Promise<RecordHalfResult> {
  const recorded = await recordHalves(
    actor,
    { merchantId: input.merchantId, secret: input.secret ?? "", receivedAt: input.receivedAt },
    { via: input.via ?? "email" },
  );
  await verifyWhenComplete(recorded);
  return recorded;
}
