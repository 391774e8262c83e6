/** The queue definitions live in lib/jobs (lib/ never imports jobs/); the worker uses them from here. */
export * from "@/lib/jobs/queues";
