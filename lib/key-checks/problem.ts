import { grantLabel } from "@/lib/lightspeed/coverage";
import type { GrantName, Verdict } from "@/lib/lightspeed/vocabulary";

/**
 * The problem a verification found, in the plain words the workspace and the merchant see.
 * Pure. `merchantAction` is what the merchant must do (null when the fault is not theirs);
 * `error` is stored on runs that could not conclude.
 */
export function verificationProblem(result: { verdict: Verdict; missing: readonly GrantName[] }): {
  merchantAction: string | null;
  error: string | null;
} {
  switch (result.verdict) {
    case "healthy":
      return { merchantAction: null, error: null };
    case "invalid_credentials":
      return {
        merchantAction:
          "Lightspeed rejected this API key and secret. Check that the key is switched on and that both were copied completely (Settings → Store Settings → Developers), then send them again.",
        error: null,
      };
    case "incomplete_permissions":
      return {
        merchantAction: result.missing.length
          ? `Tick these checkboxes on the API key and save: ${result.missing.map(grantLabel).join(", ")}.`
          : "Tick all permission checkboxes on the API key and save.",
        error: null,
      };
    case "rate_limited":
      return { merchantAction: null, error: "The key's rate limit is used up; the check will be retried." };
    case "unreachable":
      return {
        merchantAction: null,
        error: "Lightspeed did not answer (timeouts or server errors); the check will be retried.",
      };
  }
}

/** Verdicts that say something about the pair itself; the others are retried later. */
export function isConclusive(verdict: Verdict): boolean {
  return verdict === "healthy" || verdict === "incomplete_permissions" || verdict === "invalid_credentials";
}
