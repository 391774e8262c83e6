import type { BreachCause } from "@/lib/sla/breach-cause";
import { END_TO_END, type ReportStep } from "@/lib/sla/step-clock-rows";
import type { SlaReport } from "./sla-report";

/** One group of decided steps as the report's query returns it. */
export type DecidedGroup = {
  step: ReportStep;
  policyVersion: number;
  cause: BreachCause;
  breached: boolean;
  stillOpen: boolean;
  week: string;
  n: number;
};

/**
 * Decided steps (grouped by step, policy version, cause, outcome, week) → achieved vs breached per
 * step with the versions used, breaches by cause, and the weekly trend. Pure.
 */
export function summarizeDecided(groups: readonly DecidedGroup[]): Pick<SlaReport, "outcomes" | "causes" | "trend"> {
  const outcomes = new Map<ReportStep, SlaReport["outcomes"][number]>();
  const causes = new Map<string, SlaReport["causes"][number]>();
  const trend = new Map<string, SlaReport["trend"][number]>();
  for (const g of groups) {
    const o = outcomes.get(g.step) ?? { step: g.step, versions: [], achieved: 0, breached: 0, openBreached: 0 };
    outcomes.set(g.step, o);
    if (!o.versions.includes(g.policyVersion)) o.versions.push(g.policyVersion);
    const w = trend.get(g.week) ?? { week: g.week, achieved: 0, breached: 0, e2eAchieved: 0, e2eBreached: 0 };
    trend.set(g.week, w);
    const e2e = g.step === END_TO_END;
    if (g.breached) {
      o.breached += g.n;
      if (g.stillOpen) o.openBreached += g.n;
      const scope = e2e ? "end_to_end" : "step";
      const c = causes.get(`${scope}:${g.cause}`) ?? { scope, cause: g.cause, n: 0 };
      causes.set(`${scope}:${g.cause}`, c);
      c.n += g.n;
      if (e2e) w.e2eBreached += g.n;
      else w.breached += g.n;
    } else {
      o.achieved += g.n;
      if (e2e) w.e2eAchieved += g.n;
      else w.achieved += g.n;
    }
  }
  for (const o of outcomes.values()) o.versions.sort((a, b) => a - b);
  return {
    outcomes: [...outcomes.values()],
    causes: [...causes.values()],
    trend: [...trend.values()].sort((a, b) => a.week.localeCompare(b.week)),
  };
}
