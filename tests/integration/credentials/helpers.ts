import { randomBytes } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { afterAll } from "vitest";
import { db } from "@/db/client";
import { merchantCredentials, merchantSteps } from "@/db/schema";
import { closeQueues, getQueue } from "@/lib/jobs/queues";
import type { Stage } from "@/lib/onboarding/steps";

/** A fresh 32-character key or secret, like the ones Lightspeed shows (hex). */
export const newCredential = () => randomBytes(16).toString("hex");

export async function credentialsOf(merchantId: string) {
  return db
    .select()
    .from(merchantCredentials)
    .where(eq(merchantCredentials.merchantId, merchantId))
    .orderBy(asc(merchantCredentials.createdAt));
}

export async function credentialRow(id: string) {
  const [row] = await db.select().from(merchantCredentials).where(eq(merchantCredentials.id, id));
  if (!row) throw new Error(`credential ${id} not found`);
  return row;
}

export async function stepOf(merchantId: string, stage: Stage) {
  const [row] = await db
    .select()
    .from(merchantSteps)
    .where(and(eq(merchantSteps.merchantId, merchantId), eq(merchantSteps.stage, stage)));
  return row ?? null;
}

/** The verify-key jobs queued for one credential (this worker's REDIS_PREFIX only). */
export async function verifyJobsFor(credentialId: string) {
  const jobs = await getQueue("verification").getJobs([
    "waiting",
    "delayed",
    "active",
    "completed",
    "failed",
    "prioritized",
  ]);
  return jobs.filter((job) => (job.data as { credentialId?: string }).credentialId === credentialId);
}

/** Test files that enqueue close the producer connections at the end. */
export function closeQueuesAfterAll() {
  afterAll(async () => {
    await closeQueues();
  });
}
