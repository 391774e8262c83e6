import type { BreachCause } from "@/lib/sla/breach-cause";
import type { ReportStep } from "@/lib/sla/step-clock-rows";
import type { ResolvedPeriod } from "./report-period";

/** What the SLA report shows; `reportTables` turns it into the tables and CSVs. */
export type Quantiles = { median: number; p90: number };

export type SlaReport = {
  period: ResolvedPeriod;
  zone: string;
  generatedAt: Date;
  /**
   * When the per-day summary the period's figures come from was last refreshed; null when they were
   * read from the clocks directly (exact as of now). The workload, and steps whose due time passed
   * since the refresh, are always live.
   */
  summaryAt: Date | null;
  outcomes: { step: ReportStep; versions: number[]; achieved: number; breached: number; openBreached: number }[];
  times: { step: ReportStep; n: number; agency: Quantiles; merchant: Quantiles; hold: Quantiles }[];
  signups: number;
  funnel: { step: ReportStep; reached: number; completed: number; dropped: number }[];
  causes: { scope: "step" | "end_to_end"; cause: BreachCause; n: number }[];
  trend: { week: string; achieved: number; breached: number; e2eAchieved: number; e2eBreached: number }[];
  workload: { specialistId: string | null; name: string; open: number; dueSoon: number; breached: number }[];
};

export type ReportFreshness = {
  lastRecompute: { startedAt: Date; finishedAt: Date | null; merchants: number; ok: boolean | null } | null;
  /** A recompute job waiting or running now, with its progress (0–100); null when none or unknown. */
  running: { state: string; progress: number } | null;
  /** False when the job queue could not be asked (Redis down). */
  queueKnown: boolean;
};
