/** The admin view of the BullMQ queues (jobs:manage). */
export { getJobsDashboard, type JobsDashboard } from "./get-jobs-dashboard";
export { getQueueOverview, type QueueOverview } from "./get-queue-overview";
export { listFailedJobs } from "./list-failed-jobs";
export { listMerchantJobs } from "./list-merchant-jobs";
export { retryFailedJob } from "./retry-failed-job";
export type { JobView } from "./job-view";
