import { createHash } from "node:crypto";
import { DEFAULT_JOB_OPTIONS, JOB_NAMES, getQueue } from "@/lib/jobs/queues";
import type { IntakeConfig } from "./intake-config";

/**
 * Asks for an `intake-poll` now, because mail up to `uid` is in the inbox. The job id names the
 * mailbox generation and that UID: two workers IDLE-ing on the same mailbox see the same newest
 * UID and so add one job (BullMQ ignores an id it holds), while a later message has a higher UID
 * and gets its own poll, even when a poll is running at that moment (it may have searched before
 * the message arrived). Returns whether a job was added.
 */
export async function requestPoll(
  config: IntakeConfig,
  newest: { uidValidity: number; uid: number },
): Promise<boolean> {
  // BullMQ ids may not contain ":" (the mailbox key has one); a short hash names the mailbox.
  const mailbox = createHash("sha256").update(config.mailboxKey).digest("hex").slice(0, 12);
  const jobId = `intake-poll.idle.${mailbox}.${newest.uidValidity}.${newest.uid}`;
  const queue = getQueue("scheduler");
  if (await queue.getJob(jobId)) return false;
  await queue.add(JOB_NAMES.intakePoll, {}, { ...DEFAULT_JOB_OPTIONS.scheduler, jobId });
  return true;
}
