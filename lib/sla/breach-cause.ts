/**
 * Who made a breach: Actenzo's own work, the merchant's wait, or Lightspeed platform incidents
 * (from the health monitor) that overlapped our work. See docs/decisions/0023-sla-reports.md.
 */
export const BREACH_CAUSES = ["agency", "merchant", "platform"] as const;
export type BreachCause = (typeof BREACH_CAUSES)[number];

export const BREACH_CAUSE_LABELS: Record<BreachCause, string> = {
  agency: "Actenzo",
  merchant: "Merchant",
  platform: "Lightspeed incident",
};

export type CauseInput = {
  /** An Actenzo step (judged on agency work only) or the end-to-end target (every running clock). */
  scope: "step" | "end_to_end";
  agencyWorkSeconds: number;
  merchantWaitSeconds: number;
  /** Agency work seconds that overlapped a platform incident (part of agencyWorkSeconds). */
  incidentSeconds: number;
  targetSeconds: number;
};

/**
 * A step: the merchant's wait never counts towards Actenzo's target, so a breach is ours unless
 * the step would have been on time without the incident time (then Lightspeed's). End to end:
 * the biggest share among our own work, the incident time and the merchant's wait; a tie is ours.
 */
export function breachCause(input: CauseInput): BreachCause {
  const ownWork = Math.max(0, input.agencyWorkSeconds - input.incidentSeconds);
  if (input.scope === "step") {
    return input.incidentSeconds > 0 && ownWork <= input.targetSeconds ? "platform" : "agency";
  }
  if (input.merchantWaitSeconds > ownWork && input.merchantWaitSeconds >= input.incidentSeconds) return "merchant";
  if (input.incidentSeconds > ownWork) return "platform";
  return "agency";
}
