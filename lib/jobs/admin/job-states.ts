/**
 * The job states /admin/jobs lists, in BullMQ's words (its `JobType`s). "prioritized" jobs wait
 * too, but in their own list; "waiting-children" are parents of a flow still waiting for children.
 * Pure: the page, the verbs and the URL parser share it.
 */
export const JOB_STATES = [
  "waiting",
  "active",
  "delayed",
  "completed",
  "failed",
  "prioritized",
  "waiting-children",
] as const;
export type JobState = (typeof JOB_STATES)[number];

export const JOB_STATE_LABELS: Record<JobState, string> = {
  waiting: "Waiting",
  active: "Active",
  delayed: "Delayed",
  completed: "Completed",
  failed: "Failed",
  prioritized: "Prioritized",
  "waiting-children": "Waiting for children",
};

/** Jobs per page in a state list; a page is one LRANGE/ZRANGE, so it stays small. */
export const JOBS_PAGE_SIZE = 25;

/** The states `cleanJobs` may empty: finished work only, never waiting or running jobs. */
export const CLEANABLE_STATES = ["completed", "failed"] as const;
export type CleanableState = (typeof CLEANABLE_STATES)[number];
