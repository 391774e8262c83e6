import { QUEUE_NAMES, getQueue } from "@/lib/jobs/queues";
import { authorize, type Actor } from "@/lib/auth/actor";
import { queueCall } from "@/lib/jobs/queue-call";
import { toJobView, type JobView } from "./job-view";

/** The newest failed jobs of every queue, with their error, newest first. */
export async function listFailedJobs(actor: Actor, options: { perQueue?: number } = {}): Promise<JobView[]> {
  authorize(actor, "jobs:manage");
  const perQueue = Math.min(Math.max(options.perQueue ?? 50, 1), 200);
  const lists = await queueCall(() =>
    Promise.all(
      QUEUE_NAMES.map(async (name) => {
        const jobs = await getQueue(name).getFailed(0, perQueue - 1);
        return Promise.all(jobs.map((job) => toJobView(name, job, "failed")));
      }),
    ),
  );
  return lists.flat().sort((a, b) => (b.finishedAt?.getTime() ?? 0) - (a.finishedAt?.getTime() ?? 0));
}
