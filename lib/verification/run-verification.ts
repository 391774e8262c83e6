import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { merchantCredentials, verificationRuns, type VerificationRun } from "@/db/schema";
import { loadCredentialForVerification } from "@/lib/credentials";
import { NotFoundError, RuleViolationError } from "@/lib/errors";
import { unknownGrants } from "@/lib/lightspeed/permissions-response";
import { verify, type VerifyResult } from "@/lib/lightspeed/verify";
import type { GrantName } from "@/lib/lightspeed/vocabulary";
import { createLogger } from "@/lib/logger";
import { recordVerification, type RecordedVerification } from "./record-verification";
import { VERIFICATION_TRIGGERS } from "@/lib/key-checks/vocabulary";

const inputSchema = z.object({
  credentialId: z.uuid(),
  trigger: z.enum(VERIFICATION_TRIGGERS),
  /** Idempotency key, e.g. the BullMQ job id: a replay returns the stored run. */
  runKey: z.string().min(1).max(200).optional(),
});
export type RunVerificationInput = z.input<typeof inputSchema>;

const log = createLogger("verification.run");

/**
 * Verifies a stored pair with the engine and applies the outcome (see record-verification.ts).
 * Idempotent per run key: a retried or duplicated job whose run was already stored returns that
 * run without calling Lightspeed again. The connect-link page calls this directly (no queue).
 */
export type VerificationOutcome = {
  runId: string;
  result: VerifyResult;
  /** The console refused a healthy pair: it belongs to another shop, or its shop awaits a specialist's confirmation. */
  identity: RecordedVerification["identity"];
};

export async function runVerification(input: RunVerificationInput): Promise<VerificationOutcome> {
  const { credentialId, trigger, runKey } = inputSchema.parse(input);
  if (runKey) {
    const stored = await findRun(credentialId, runKey);
    if (stored) return { runId: stored.id, result: await resultOf(stored), identity: null };
  }

  const credential = await loadCredentialForVerification(credentialId);
  if (!credential) throw new NotFoundError("A complete key and secret pair");
  if (credential.status === "superseded")
    throw new RuleViolationError("This key and secret were replaced by a newer pair.");

  // A pair that verified before is checked on its known cluster; a new one is discovered.
  const result = await verify({
    key: credential.key,
    secret: credential.secret,
    cluster: credential.cluster ?? undefined,
    language: credential.language,
  });
  const recorded = await recordVerification({ credentialId, trigger, runKey, result });
  if (recorded) {
    log.info("verification recorded", {
      credentialId,
      trigger,
      verdict: result.verdict,
      identity: recorded.identity?.kind,
      requests: result.requests,
      durationMs: result.durationMs,
    });
    return { ...recorded, result };
  }
  // Another worker stored the same run key first: its run is the answer.
  const stored = runKey ? await findRun(credentialId, runKey) : undefined;
  if (!stored) throw new NotFoundError("Credential");
  return { runId: stored.id, result: await resultOf(stored), identity: null };
}

async function findRun(credentialId: string, runKey: string) {
  const [run] = await db
    .select()
    .from(verificationRuns)
    .where(and(eq(verificationRuns.credentialId, credentialId), eq(verificationRuns.runKey, runKey)));
  return run;
}

async function resultOf(run: VerificationRun): Promise<VerifyResult> {
  const [credential] = await db
    .select({ language: merchantCredentials.language })
    .from(merchantCredentials)
    .where(eq(merchantCredentials.id, run.credentialId));
  return {
    verdict: run.verdict,
    cluster: run.cluster,
    language: credential?.language ?? "en",
    accountId: null,
    shop: null,
    grants: run.grants ?? unknownGrants(),
    missing: run.missing as GrantName[],
    rateLimit: run.rateLimit,
    requests: run.requests,
    durationMs: run.durationMs,
  };
}
