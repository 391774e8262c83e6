import { z } from "zod";
import { QUEUE_NAMES, getQueue } from "@/lib/jobs/queues";
import { authorize, type Actor } from "@/lib/auth/actor";
import { queueCall } from "@/lib/jobs/queue-call";
import { parseInput } from "@/lib/validation/parse-input";
import { auditJobAction } from "./job-audit";
import { CLEANABLE_STATES } from "./job-states";

const UNIT_MS = { minutes: 60_000, hours: 3_600_000 } as const;
/** One click removes at most this many jobs (one Lua call each batch); click again for more. */
const CLEAN_LIMIT = 10_000;

const inputSchema = z.object({
  queue: z.enum(QUEUE_NAMES),
  state: z.enum(CLEANABLE_STATES),
  olderThan: z.coerce
    .number({ error: "Enter a number." })
    .int("Enter a whole number.")
    .min(0, "Enter 0 or more.")
    .max(10_000, "At most 10000."),
  unit: z.enum(["minutes", "hours"]),
});
/** Loose on purpose: form values arrive as strings and are parsed here. */
export type CleanJobsInput = { queue: string; state: string; olderThan: unknown; unit: string };

/**
 * Removes the queue's completed or failed jobs that finished more than N minutes/hours ago (the
 * retention in DEFAULT_JOB_OPTIONS does the same on its own schedule). Returns how many went.
 */
export async function cleanJobs(actor: Actor, input: CleanJobsInput): Promise<{ count: number }> {
  authorize(actor, "jobs:manage");
  const { queue: name, state, olderThan, unit } = parseInput(inputSchema, input);
  const ids = await queueCall(() => getQueue(name).clean(olderThan * UNIT_MS[unit], CLEAN_LIMIT, state), {
    deadlineMs: 15_000,
  });
  await auditJobAction(actor, "jobs.cleaned", { queue: name }, { state, olderThan, unit, count: ids.length });
  return { count: ids.length };
}
