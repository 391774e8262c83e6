/**
 * When platform errors are Lightspeed's problem rather than each merchant's. Pure. Over the last
 * 15 minutes of health checks: at least 20 checks and at least 30 % platform errors opens one
 * incident; it closes once errors fall under 10 % of the checks in the window.
 */
export const INCIDENT_RULE = { windowMs: 15 * 60_000, minChecks: 20, openShare: 0.3, closeShare: 0.1 } as const;

export type IncidentWindow = { checks: number; failures: number };

export function evaluatePlatformIncident(window: IncidentWindow, open: boolean): "open" | "close" | "keep" {
  const share = window.checks > 0 ? window.failures / window.checks : 0;
  if (!open) return window.checks >= INCIDENT_RULE.minChecks && share >= INCIDENT_RULE.openShare ? "open" : "keep";
  // No checks in the window says nothing (everything backed off): stay open until checks succeed.
  return window.checks > 0 && share < INCIDENT_RULE.closeShare ? "close" : "keep";
}

export function incidentSummary(window: IncidentWindow): string {
  const percent = window.checks ? Math.round((window.failures / window.checks) * 100) : 0;
  return `Lightspeed platform errors: ${window.failures} of ${window.checks} health checks (${percent} %) in 15 minutes failed.`;
}
