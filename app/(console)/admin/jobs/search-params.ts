import { z } from "zod";
import { QUEUE_NAMES } from "@/lib/jobs/queues";
import { JOB_STATES } from "@/lib/jobs/admin/job-states";

const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/**
 * The jobs page's URL contract: which queue and state are listed, the page, and optionally one
 * merchant's jobs. A malformed value falls back to the default instead of an error page.
 */
export const jobsParamsSchema = z.object({
  queue: z.preprocess(one, z.enum(QUEUE_NAMES)).catch("verification"),
  state: z.preprocess(one, z.enum(JOB_STATES)).catch("failed"),
  page: z.preprocess(one, z.coerce.number().int().min(1).max(100_000)).catch(1),
  merchant: z.preprocess(one, z.uuid().optional()).catch(undefined),
});
export type JobsParams = z.infer<typeof jobsParamsSchema>;

/** The URL of a list view (page 1 is left out). */
export function jobsHref(p: { queue: string; state: string; page?: number }): string {
  const query = new URLSearchParams({ queue: p.queue, state: p.state });
  if (p.page && p.page > 1) query.set("page", String(p.page));
  return `/admin/jobs?${query}`;
}

/** The URL of one job's detail view. */
export function jobHref(queue: string, jobId: string): string {
  return `/admin/jobs/${encodeURIComponent(queue)}/${encodeURIComponent(jobId)}`;
}
