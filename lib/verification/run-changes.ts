import { grantLabel } from "@/lib/lightspeed/coverage";
import {
  GRANT_ACCESS,
  PERMISSION_GROUPS,
  type GrantName,
  type Grants,
  type Verdict,
} from "@/lib/lightspeed/vocabulary";
import type { VerificationKind } from "@/lib/key-checks/vocabulary";

export const VERDICT_LABELS: Record<Verdict, string> = {
  healthy: "healthy",
  incomplete_permissions: "missing permissions",
  invalid_credentials: "rejected",
  rate_limited: "rate-limited",
  unreachable: "Lightspeed unreachable",
};

export type RunSnapshot = {
  credentialId: string;
  kind: VerificationKind;
  verdict: Verdict;
  cluster: string | null;
  grants: Grants | null;
};

/**
 * What changed from one run to the next, in words for the workspace history ("Orders → Write
 * granted", "now rejected"). Pure. `runs` is newest first; each entry lists its changes against
 * the run before it. Grants are compared with the last run that read them (light checks do not),
 * and a light check that authenticates says nothing about a permission gap.
 */
export function describeRunChanges(runs: readonly RunSnapshot[]): string[][] {
  return runs.map((run, i) => {
    const previous = runs[i + 1];
    if (!previous) return [];
    const changes: string[] = [];
    if (previous.credentialId !== run.credentialId) changes.push("new key");
    if (previous.verdict !== run.verdict && !lightCannotTell(previous, run)) {
      changes.push(`now ${VERDICT_LABELS[run.verdict]}`);
    }
    if (previous.cluster && run.cluster && previous.cluster !== run.cluster) {
      changes.push(`cluster ${previous.cluster} → ${run.cluster}`);
    }
    const earlierGrants = runs.slice(i + 1).find((r) => r.grants && r.credentialId === run.credentialId)?.grants;
    if (run.grants && earlierGrants) changes.push(...grantChanges(earlierGrants, run.grants));
    return changes;
  });
}

function lightCannotTell(previous: RunSnapshot, run: RunSnapshot) {
  return run.kind === "light" && run.verdict === "healthy" && previous.verdict === "incomplete_permissions";
}

export function grantChanges(before: Grants, after: Grants): string[] {
  const changes: string[] = [];
  for (const group of PERMISSION_GROUPS) {
    for (const access of GRANT_ACCESS) {
      const was = before[group][access];
      const is = after[group][access];
      if (was === is) continue;
      const label = grantLabel(`${group}:${access}` as GrantName);
      if (is === true) changes.push(`${label} granted`);
      else if (was === true) changes.push(is === false ? `${label} removed` : `${label} no longer confirmed`);
    }
  }
  return changes;
}
