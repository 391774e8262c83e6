import { STEP_LABELS } from "@/lib/pipeline/pipeline";
import { BREACH_CAUSES, BREACH_CAUSE_LABELS } from "@/lib/sla/breach-cause";
import { END_TO_END, type ReportStep } from "@/lib/sla/step-clock-rows";
import type { SlaReport } from "./sla-report";

/**
 * The report's tables as text cells: the page renders exactly these and `/reports/csv` writes
 * exactly these, so a download always shows the figures on screen.
 */
export const REPORT_TABLES = ["outcomes", "times", "funnel", "causes", "workload", "trend"] as const;
export type ReportTableId = (typeof REPORT_TABLES)[number];
export type ReportTable = { id: ReportTableId; title: string; columns: string[]; rows: string[][] };

export const stepLabel = (step: ReportStep) => (step === END_TO_END ? "End to end" : STEP_LABELS[step]);

/** Business seconds as "2 h 05 min" (hours of working time, never days of 24 h). */
export function formatBusinessDuration(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  const [h, m] = [Math.floor(minutes / 60), minutes % 60];
  return h === 0 ? `${m} min` : `${h} h ${String(m).padStart(2, "0")} min`;
}

export function percent(part: number, whole: number): string {
  return whole === 0 ? "–" : `${Math.round((part / whole) * 100)} %`;
}

export function reportTables(report: SlaReport): ReportTable[] {
  const d = formatBusinessDuration;
  const causeCount = (scope: "step" | "end_to_end", cause: string) =>
    String(report.causes.find((c) => c.scope === scope && c.cause === cause)?.n ?? 0);
  return [
    {
      id: "outcomes",
      title: "Achieved vs breached",
      columns: ["Step", "Policy version", "Achieved", "Breached", "Of which still open", "On time"],
      rows: report.outcomes.map((r) => [
        stepLabel(r.step),
        r.versions.map((v) => (v === 0 ? "default" : `v${v}`)).join(", "),
        String(r.achieved),
        String(r.breached),
        String(r.openBreached),
        percent(r.achieved, r.achieved + r.breached),
      ]),
    },
    {
      id: "times",
      title: "Time in each step (business time)",
      columns: [
        "Step",
        "Completed",
        "Agency work median",
        "Agency work p90",
        "Merchant wait median",
        "Merchant wait p90",
        "Hold median",
        "Hold p90",
      ],
      rows: report.times.map((r) => [
        stepLabel(r.step),
        String(r.n),
        d(r.agency.median),
        d(r.agency.p90),
        d(r.merchant.median),
        d(r.merchant.p90),
        d(r.hold.median),
        d(r.hold.p90),
      ]),
    },
    {
      id: "funnel",
      title: "Funnel of merchants who signed up in the period",
      columns: ["Step", "Reached", "Completed", "Dropped out here"],
      rows: [
        ["Signed up", String(report.signups), String(report.signups), "0"],
        ...report.funnel.map((r) => [stepLabel(r.step), String(r.reached), String(r.completed), String(r.dropped)]),
      ],
    },
    {
      id: "causes",
      title: "Breaches by cause",
      columns: ["Cause", "Steps breached", "End to end breached"],
      rows: BREACH_CAUSES.map((cause) => [
        BREACH_CAUSE_LABELS[cause],
        causeCount("step", cause),
        causeCount("end_to_end", cause),
      ]),
    },
    {
      id: "workload",
      title: "Workload per specialist (now)",
      columns: ["Specialist", "Open merchants", "Due soon", "Breached"],
      rows: report.workload.map((r) => [r.name, String(r.open), String(r.dueSoon), String(r.breached)]),
    },
    {
      id: "trend",
      title: "Weekly trend",
      columns: [
        "Week of",
        "Steps achieved",
        "Steps breached",
        "Steps on time",
        "End to end achieved",
        "End to end breached",
      ],
      rows: report.trend.map((r) => [
        r.week,
        String(r.achieved),
        String(r.breached),
        percent(r.achieved, r.achieved + r.breached),
        String(r.e2eAchieved),
        String(r.e2eBreached),
      ]),
    },
  ];
}
