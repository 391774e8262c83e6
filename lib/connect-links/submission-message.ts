import { grantLabel } from "@/lib/lightspeed/coverage";
import type { GrantName, Verdict } from "@/lib/lightspeed/vocabulary";

export type SubmissionOutcome = "connected" | "rejected" | "missing_permissions" | "check_later" | "wrong_shop";

export type SubmissionResult = {
  outcome: SubmissionOutcome;
  /** What the merchant reads, in plain words. */
  message: string;
  /** The checkboxes still unticked, as the back office labels them ("Orders → Write"). */
  missing: string[];
};

/** Pure: turns the engine's verdict into what the merchant should do next. */
export function submissionResult(verdict: Verdict, missing: readonly GrantName[]): SubmissionResult {
  switch (verdict) {
    case "healthy":
      return {
        outcome: "connected",
        message:
          "Thank you, your shop is connected. The key works and has every permission we need. You can close this page.",
        missing: [],
      };
    case "incomplete_permissions": {
      const labels = missing.map(grantLabel);
      return {
        outcome: "missing_permissions",
        message:
          `The key works, but ${labels.length === 1 ? "this checkbox is" : `these ${labels.length} checkboxes are`} still unticked: ${labels.join(", ")}. ` +
          "In Lightspeed open Settings → Store Settings → Developers, open the key, tick them, press Save, then submit the form again.",
        missing: labels,
      };
    }
    case "invalid_credentials":
      return {
        outcome: "rejected",
        message:
          "This key and secret were rejected by Lightspeed. Check that the key is switched on, copy the API key and the API secret (press Show) again from the key's DETAILS, and submit them again.",
        missing: [],
      };
    case "rate_limited":
    case "unreachable":
      return {
        outcome: "check_later",
        message:
          "We saved your key but could not check it with Lightspeed just now. We will check it again shortly and contact you if anything is missing; you can also try again in a few minutes.",
        missing: [],
      };
  }
}

/**
 * The key works but belongs to another shop than this merchant's pinned one. The shop is named
 * (whoever holds the key can ask Lightspeed the same), so the merchant knows which key to replace.
 */
export function otherShopResult(message: string): SubmissionResult {
  return { outcome: "wrong_shop", message, missing: [] };
}
