import type { RecordHalfResult } from "@/lib/credentials/record-halves";
import { enqueueVerification } from "./enqueue-verification";

/**
 * What follows a recorded half when it completed the pair: a `verify-key` job (trigger
 * `halves_complete`). For callers of `recordHalves` that verify later rather than on the spot
 * (the staff forms, mail intake); an incomplete pair queues nothing.
 */
export async function verifyWhenComplete(
  recorded: RecordHalfResult,
): Promise<{ jobId: string; enqueued: boolean } | null> {
  if (!recorded.complete) return null;
  return enqueueVerification({ credentialId: recorded.credentialId, trigger: "halves_complete" });
}
