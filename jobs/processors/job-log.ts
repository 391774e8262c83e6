import type { Job } from "bullmq";
import { DomainError } from "@/lib/errors";

/**
 * One line in the job's log (BullMQ `job.log`, shown on /admin/jobs/<queue>/<id>): what was
 * checked and what came of it, in words. Ids, verdicts and counts only; never a key, a secret or a
 * raw error from the network (it might quote a URL). Losing a line never fails the job.
 */
export async function logLine(job: Job, line: string): Promise<void> {
  try {
    await job.log(line);
  } catch {
    // A Redis hiccup, or a processor called directly with a bare `{ data }` (as some tests do).
  }
}

/** The failure as the log tells it: a domain error's own words, otherwise only its kind. */
export function failureLine(job: Job, error: unknown): string {
  const attempt = `Attempt ${job.attemptsMade + 1} of ${job.opts.attempts ?? 1}`;
  if (error instanceof DomainError) return `${attempt} failed for good: ${error.name}: ${error.message}`;
  const kind = error instanceof Error ? error.name : "unknown error";
  return `${attempt} failed (${kind}); retried with backoff while attempts remain.`;
}
