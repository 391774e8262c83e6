import { eq } from "drizzle-orm";
import { parseId } from "@/lib/validation/parse-id";
import { db } from "@/db/client";
import { merchantCredentials } from "@/db/schema";
import { getQueue, type QueueName } from "@/lib/jobs/queues";
import { authorize, type Actor } from "@/lib/auth/actor";
import { queueCall } from "@/lib/jobs/queue-call";
import { redis } from "@/lib/redis";
import { toJobView, type JobView } from "./job-view";

/**
 * The jobs of one merchant, found by their deterministic ids: `verify-key.<credentialId>.…` and
 * `health-check.<merchantId>.…`. A key scan over the job hashes of two id prefixes, not a walk
 * through every job in the queues.
 */
export async function listMerchantJobs(actor: Actor, input: { merchantId: string }): Promise<JobView[]> {
  authorize(actor, "jobs:manage");
  const merchantId = parseId(input.merchantId, "Merchant");
  const credentials = await db
    .select({ id: merchantCredentials.id })
    .from(merchantCredentials)
    .where(eq(merchantCredentials.merchantId, merchantId));
  const prefixes: [QueueName, string][] = [
    ...credentials.map((c): [QueueName, string] => ["verification", `verify-key.${c.id}.`]),
    ["health", `health-check.${merchantId}.`],
  ];
  const views = await queueCall(() =>
    Promise.all(prefixes.map(([queue, idPrefix]) => jobsWithIdPrefix(queue, idPrefix))),
  );
  return views
    .flat()
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
    .slice(0, 200);
}

async function jobsWithIdPrefix(name: QueueName, idPrefix: string): Promise<JobView[]> {
  const queue = getQueue(name);
  const client = redis();
  const keyPrefix = queue.toKey("");
  const ids = new Set<string>();
  let cursor = "0";
  do {
    const [next, keys] = await client.scan(cursor, "MATCH", `${keyPrefix}${idPrefix}*`, "COUNT", 1000);
    cursor = next;
    // Job hashes only: skip the job's ":logs" / ":lock" companions.
    for (const key of keys) if (!key.slice(keyPrefix.length).includes(":")) ids.add(key.slice(keyPrefix.length));
  } while (cursor !== "0");
  const jobs = await Promise.all([...ids].map((id) => queue.getJob(id)));
  return Promise.all(jobs.filter((j) => j !== undefined).map((job) => toJobView(name, job)));
}
