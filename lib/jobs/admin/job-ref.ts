import { z } from "zod";
import { QUEUE_NAMES, getQueue, type QueueName } from "@/lib/jobs/queues";
import { NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse-input";

/** A job as the URL and the actions name it: its queue and its id (ids are deterministic strings). */
export const jobRefSchema = z.object({ queue: z.enum(QUEUE_NAMES), jobId: z.string().min(1).max(300) });
export type JobRef = { queue: QueueName; jobId: string };

/** Parses a job reference; an unknown queue or a malformed id is a 404 like an unknown job. */
export function parseJobRef(input: unknown): JobRef {
  const result = jobRefSchema.safeParse(input);
  if (!result.success) throw new NotFoundError("Job");
  return result.data;
}

/** The job, or NotFoundError (removed, cleaned or never there). Call inside `queueCall`. */
export async function loadJob({ queue, jobId }: JobRef) {
  const job = await getQueue(queue).getJob(jobId);
  if (!job) throw new NotFoundError("Job");
  return job;
}

export const queueInputSchema = z.object({ queue: z.enum(QUEUE_NAMES) });
export function parseQueue(input: unknown): QueueName {
  return parseInput(queueInputSchema, input).queue;
}
