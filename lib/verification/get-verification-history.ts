import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import { lookupDb } from "@/db/client";
import { merchantCredentials, verificationRuns } from "@/db/schema";
import { authorize, type Actor } from "@/lib/auth/actor";
import type { GrantName, RateLimitState, Verdict } from "@/lib/lightspeed/vocabulary";
import { describeRunChanges } from "./run-changes";
import type { VerificationKind, VerificationTrigger } from "@/lib/key-checks/vocabulary";

export type VerificationHistoryEntry = {
  id: string;
  createdAt: Date;
  kind: VerificationKind;
  trigger: VerificationTrigger;
  verdict: Verdict;
  cluster: string | null;
  keyFingerprint: string | null;
  missing: GrantName[];
  rateLimit: RateLimitState | null;
  requests: number;
  durationMs: number;
  error: string | null;
  changes: string[];
};

/** A merchant's runs, newest first, each with what changed since the run before it. */
export async function getVerificationHistory(
  actor: Actor,
  input: { merchantId: string; limit?: number },
): Promise<VerificationHistoryEntry[]> {
  authorize(actor, "merchant:read");
  const { merchantId, limit } = z
    .object({ merchantId: z.uuid(), limit: z.number().int().min(1).max(200).default(25) })
    .parse(input);
  // One extra row so the oldest shown run can still say what changed; grants are compared with
  // the last full run, so look a little further back too.
  const rows = await lookupDb
    .select({ run: verificationRuns, keyFingerprint: merchantCredentials.keyFingerprint })
    .from(verificationRuns)
    .innerJoin(merchantCredentials, eq(merchantCredentials.id, verificationRuns.credentialId))
    .where(eq(verificationRuns.merchantId, merchantId))
    .orderBy(desc(verificationRuns.createdAt), desc(verificationRuns.id))
    .limit(limit + 20)
    // Prepared: the workspace reads it on every view (decision 0018).
    .prepare("verification_history")
    .execute();
  const changes = describeRunChanges(rows.map(({ run }) => run));
  return rows.slice(0, limit).map(({ run, keyFingerprint }, i) => ({
    id: run.id,
    createdAt: run.createdAt,
    kind: run.kind,
    trigger: run.trigger,
    verdict: run.verdict,
    cluster: run.cluster,
    keyFingerprint,
    missing: run.missing as GrantName[],
    rateLimit: run.rateLimit,
    requests: run.requests,
    durationMs: run.durationMs,
    error: run.error,
    changes: changes[i] ?? [],
  }));
}
