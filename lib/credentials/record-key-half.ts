import type { Actor } from "@/lib/auth/actor";
import type { StaffChannel } from "@/lib/onboarding/received-via";
import { recordHalves, type RecordHalfResult } from "./record-halves";

/**
 * Records the API key a merchant sent (trimmed, 32 letters/digits, stored encrypted), completes
 * `key_received`, and queues a verification once the pair is complete. A key that arrives while
 * an active pair exists starts a new pending pair; the active one stays until the new one verifies.
 * `via` says how it reached us (default: the merchant emailed it, as the guide asks).
 */
export function recordKeyHalf(
  actor: Actor,
  input: { merchantId: string; key: string; receivedAt?: Date | string | null; via?: StaffChannel },
): Promise<RecordHalfResult> {
  return recordHalves(
    actor,
    { merchantId: input.merchantId, key: input.key ?? "", receivedAt: input.receivedAt },
    { via: input.via ?? "email", enqueue: true },
  );
}
