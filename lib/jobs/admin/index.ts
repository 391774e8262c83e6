/** The admin view of the BullMQ queues (jobs:manage): reads, and one verb per action, each audited. */
export { getJobsDashboard, type JobsDashboard } from "./get-jobs-dashboard";
export { getQueueOverview, type QueueOverview } from "./get-queue-overview";
export { getJobDetail, type JobDetail } from "./get-job-detail";
export { listFailedJobs } from "./list-failed-jobs";
export { listMerchantJobs } from "./list-merchant-jobs";
export { listQueueJobs, type QueueJobsPage } from "./list-queue-jobs";
export { retryFailedJob } from "./retry-failed-job";
export { promoteJob } from "./promote-job";
export { removeJob } from "./remove-job";
export { retryAllFailed } from "./retry-all-failed";
export { pauseQueue } from "./pause-queue";
export { resumeQueue } from "./resume-queue";
export { cleanJobs, type CleanJobsInput } from "./clean-jobs";
export { JOB_STATES, JOB_STATE_LABELS, JOBS_PAGE_SIZE, type JobState } from "./job-states";
export type { JobView } from "./job-view";
