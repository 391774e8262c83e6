import type { Actor } from "@/lib/auth/actor";
import { recordHalves, type RecordHalfResult } from "@/lib/credentials/record-halves";
import type { StaffChannel } from "@/lib/pipeline/received-via";
import { verifyWhenComplete } from "./verify-when-complete";

/**
 * Records the API key a merchant sent (trimmed, 32 letters/digits, stored encrypted), completes
 * `key_received`, and queues a verification once the pair is complete. A key that arrives while
 * an active pair exists starts a new pending pair; the active one stays until the new one verifies.
 * `via` says how it reached us (default: the merchant emailed it, as the guide asks).
 */
export async function recordKeyHalf(
  actor: Actor,
  input: { merchantId: string; key: string; receivedAt?: Date | string | null; via?: StaffChannel },
): Promise<RecordHalfResult> {
  const recorded = await recordHalves(
    actor,
    { merchantId: input.merchantId, key: input.key ?? "", receivedAt: input.receivedAt },
    { via: input.via ?? "email" },
  );
  await verifyWhenComplete(recorded);
  return recorded;
}
