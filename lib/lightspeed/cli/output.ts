import { grantLabel } from "../coverage";
import type { VerifyResult } from "../verify";
import { PERMISSION_GROUPS } from "../vocabulary";

/** Exactly the documented `--json` object, keys in the documented order (no durationMs). */
export function jsonOutput(result: VerifyResult) {
  return {
    verdict: result.verdict,
    cluster: result.cluster,
    language: result.language,
    accountId: result.accountId,
    grants: Object.fromEntries(
      PERMISSION_GROUPS.map((g) => [g, { read: result.grants[g].read, write: result.grants[g].write }]),
    ),
    missing: result.missing,
    rateLimit: result.rateLimit,
    requests: result.requests,
  };
}

const HEADLINES: Record<VerifyResult["verdict"], string> = {
  healthy: "Healthy: the key works and every permission checkbox is ticked.",
  incomplete_permissions: "Incomplete permissions: the key works, but some checkboxes are not ticked.",
  invalid_credentials:
    "Invalid credentials: Lightspeed rejected this key and secret (wrong pair, or the key is switched off).",
  rate_limited: "Rate limited: the key's request budget is (nearly) used up; nothing more was sent. Try again later.",
  unreachable:
    "Unreachable: Lightspeed did not answer properly (network error, timeout, server error or an unexpected body).",
};

/** The short human summary: verdict, where, and which checkboxes to tick. */
export function humanSummary(result: VerifyResult): string {
  const lines = [HEADLINES[result.verdict]];
  if (result.cluster) {
    lines.push(`Cluster ${result.cluster}, language ${result.language}, account ${result.accountId ?? "unknown"}.`);
  }
  if (result.verdict === "incomplete_permissions") {
    lines.push("Tick these in Lightspeed (Settings › Store Settings › Developers › the API key), then Save:");
    for (const name of result.missing) {
      const [group, access] = name.split(":") as [keyof VerifyResult["grants"], "read" | "write"];
      const note = result.grants[group][access] === null ? " (could not be confirmed)" : "";
      lines.push(`  - ${grantLabel(name)}${note}`);
    }
  } else if (result.cluster && result.missing.length > 0) {
    // Stopped part-way: say what is still open without claiming the boxes are unticked.
    lines.push(`Not confirmed yet: ${result.missing.map(grantLabel).join(", ")}.`);
  }
  if (result.rateLimit) {
    const { remaining, limit } = result.rateLimit;
    lines.push(
      `Budget left: ${remaining[0]}/${limit[0]} (5 min), ${remaining[1]}/${limit[1]} (1 h), ${remaining[2]}/${limit[2]} (1 day).`,
    );
  }
  lines.push(`Requests sent: ${result.requests}.`);
  return lines.join("\n");
}
