import { createHash } from "node:crypto";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { verificationRuns, type merchantCredentials } from "@/db/schema";
import { missingGrants } from "@/lib/lightspeed/coverage";
import { unknownGrants } from "@/lib/lightspeed/permissions-response";
import {
  PERMISSION_GROUPS,
  VERDICTS,
  type GrantAccess,
  type GrantName,
  type Grants,
  type PermissionGroup,
  type RateLimitState,
} from "@/lib/lightspeed/vocabulary";
import { VERIFICATION_TRIGGERS } from "@/lib/key-checks/vocabulary";
import type { DemoMerchant } from "./build-demo-data";
import type { SeedEvent } from "./replay";

type RunRow = typeof verificationRuns.$inferInsert;
type CredentialRow = typeof merchantCredentials.$inferInsert;

/** Every checkbox name, in back-office order (all of them are missing from unknown grants). */
const GRANT_NAMES = missingGrants(unknownGrants()) as [GrantName, ...GrantName[]];

/** The evidence merchant-history.ts writes on a `verification` event: the run is built from it. */
const verificationEvidence = z.object({
  verdict: z.enum(VERDICTS),
  trigger: z.enum(VERIFICATION_TRIGGERS),
  missing: z.array(z.enum(GRANT_NAMES)).default([]),
});

/** What a key with exactly `missing` unticked declares: every other grant true. */
export function grantsWithout(missing: readonly GrantName[]): Grants {
  const grants = Object.fromEntries(PERMISSION_GROUPS.map((g) => [g, { read: true, write: true }])) as Grants;
  for (const name of missing) {
    const [group, access] = name.split(":") as [PermissionGroup, GrantAccess];
    grants[group][access] = false;
  }
  return grants;
}

/** The three windows after `requests` calls on a fresh key (its feed is not live yet). */
function budgetAfter(requests: number, durationMs: number): RateLimitState {
  const limit: [number, number, number] = [300, 3000, 12000];
  const elapsed = Math.ceil(durationMs / 1000);
  return {
    limit,
    remaining: [limit[0] - requests, limit[1] - requests, limit[2] - requests],
    reset: [300 - elapsed, 3600 - elapsed, 86_400 - elapsed],
  };
}

/** Stable per shop and moment, so re-seeding with the same PRNG seed gives the same figures. */
function spread(label: string, min: number, max: number): number {
  return min + (createHash("sha256").update(label).digest().readUInt32BE(0) % (max - min + 1));
}

/**
 * One full run per `verification` event of a merchant whose pair was verified (active) or
 * rejected, at the event's time with the event's verdict and missing checkboxes, so the
 * workspace's "Verification runs" card tells the same story as the timeline. Pure.
 */
export function verificationRunRows(
  merchants: readonly DemoMerchant[],
  credentials: readonly CredentialRow[],
): RunRow[] {
  const concluded = new Map(
    credentials.filter((c) => c.status === "active" || c.status === "rejected").map((c) => [c.merchantId, c.id]),
  );
  return merchants.flatMap((m) => {
    const credentialId = concluded.get(m.id);
    if (!credentialId) return [];
    return m.events.filter((e) => e.type === "verification").map((e) => runRow(m, credentialId, e));
  });
}

function runRow(m: DemoMerchant, credentialId: string, event: SeedEvent): RunRow {
  const { verdict, trigger, missing } = verificationEvidence.parse(event.evidence);
  const authenticated = verdict !== "invalid_credentials";
  // As verify() does: account + permissions + ratelimit + one probe per read group = 8 on the
  // shop's cluster; a rejected key is tried on eu1, then us1, and tells nothing about grants.
  const requests = authenticated ? 8 : 2;
  const durationMs = spread(
    `${m.profile.shopDomain}:${event.createdAt.toISOString()}`,
    authenticated ? 900 : 250,
    authenticated ? 2600 : 700,
  );
  const grants = authenticated ? grantsWithout(missing) : unknownGrants();
  return {
    merchantId: m.id,
    credentialId,
    kind: "full",
    trigger,
    verdict,
    cluster: authenticated ? m.profile.cluster : null,
    grants,
    missing: missingGrants(grants),
    rateLimit: authenticated ? budgetAfter(requests, durationMs) : null,
    requests,
    durationMs,
    error: null,
    createdAt: event.createdAt,
  };
}

export async function insertVerificationRuns(
  tx: Tx,
  merchants: readonly DemoMerchant[],
  credentials: readonly CredentialRow[],
): Promise<number> {
  const rows = verificationRunRows(merchants, credentials);
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(verificationRuns).values(rows.slice(i, i + 1000));
  return rows.length;
}
