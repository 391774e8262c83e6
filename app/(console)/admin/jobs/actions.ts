"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction, type ActionResult } from "@/lib/action-result";
import { requireActor } from "@/lib/auth/session";
import {
  cleanJobs,
  pauseQueue,
  promoteJob,
  removeJob,
  resumeQueue,
  retryAllFailed,
  retryFailedJob,
  type CleanJobsInput,
} from "@/lib/jobs/admin";

// Shape checks only; the verbs parse the values (queue names, states) and authorize first.
const jobInput = z.object({ queue: z.string().min(1).max(50), jobId: z.string().min(1).max(300) });
const queueInput = z.object({ queue: z.string().min(1).max(50) });
type JobInput = { queue: string; jobId: string };

function jobAction(
  verb: (actor: Awaited<ReturnType<typeof requireActor>>, input: JobInput) => Promise<void>,
  done: string,
) {
  return (input: JobInput): Promise<ActionResult> =>
    runAction(async (): Promise<undefined> => {
      const actor = await requireActor();
      await verb(actor, jobInput.parse(input));
      revalidatePath("/admin/jobs", "layout");
      return undefined;
    }, done);
}

/** Retry a failed job (jobs:manage, checked by the verb). */
export async function retryJobAction(input: JobInput) {
  return jobAction(retryFailedJob, "Job queued again.")(input);
}

/** Run a delayed job now. */
export async function promoteJobAction(input: JobInput) {
  return jobAction(promoteJob, "Job moved to waiting; a worker runs it next.")(input);
}

/** Delete a job and its logs. */
export async function removeJobAction(input: JobInput) {
  return jobAction(removeJob, "Job removed.")(input);
}

export async function retryAllFailedAction(input: { queue: string }): Promise<ActionResult<{ count: number }>> {
  return runAction(async () => {
    const actor = await requireActor();
    const result = await retryAllFailed(actor, queueInput.parse(input));
    revalidatePath("/admin/jobs", "layout");
    return result;
  });
}

export async function setQueuePausedAction(input: { queue: string; paused: boolean }): Promise<ActionResult> {
  return runAction(
    async (): Promise<undefined> => {
      const actor = await requireActor();
      const { queue } = queueInput.parse(input);
      await (input.paused ? pauseQueue(actor, { queue }) : resumeQueue(actor, { queue }));
      revalidatePath("/admin/jobs", "layout");
      return undefined;
    },
    input.paused ? "Queue paused: workers take no new jobs." : "Queue resumed.",
  );
}

export async function cleanJobsAction(input: CleanJobsInput): Promise<ActionResult<{ count: number }>> {
  return runAction(async () => {
    const actor = await requireActor();
    const result = await cleanJobs(actor, input);
    revalidatePath("/admin/jobs", "layout");
    return result;
  });
}
