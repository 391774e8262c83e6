/**
 * The queue's URL contract, shared by the server page and the client table. The schema lives in
 * lib/work-queue (listWorkQueue, the benchmark and the unit tests read it too); this is the route's view of it.
 */
export {
  DEFAULT_QUEUE_PARAMS,
  QUEUE_PAGE_SIZES,
  QUEUE_SORT_COLUMNS,
  QUEUE_STEP_FILTERS,
  applyQueueDefaults,
  effectiveSpecialist,
  isCanonicalQuery,
  parseQueueParams,
  queueParamsSchema,
  serializeQueueParams,
  type QueueParams,
  type QueueSortColumn,
} from "@/lib/work-queue/queue-params";
