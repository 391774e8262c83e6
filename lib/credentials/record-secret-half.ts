import type { Actor } from "@/lib/auth/actor";
import type { StaffChannel } from "@/lib/onboarding/received-via";
import { recordHalves, type RecordHalfResult } from "./record-halves";

/**
 * Records the API secret (trimmed, 32 letters/digits, stored encrypted), completes
 * `secret_received` (evidence: the date only, never the secret), and queues a verification once
 * the pair is complete. `via` as for the key.
 */
export function recordSecretHalf(
  actor: Actor,
  input: { merchantId: string; secret: string; receivedAt?: Date | string | null; via?: StaffChannel },
): Promise<RecordHalfResult> {
  return recordHalves(
    actor,
    { merchantId: input.merchantId, secret: input.secret ?? "", receivedAt: input.receivedAt },
    { via: input.via ?? "email", enqueue: true },
  );
}
