import { executePrepared } from "@/db/execute-prepared";
import { type StaffActor, authorize } from "@/lib/auth/actor";
import { STEPS } from "@/lib/pipeline/steps";
import { END_TO_END, type ReportStep } from "@/lib/sla/step-clock-rows";
import type { BreachCause } from "@/lib/sla/breach-cause";
import type { ReportParams } from "./report-params";
import { resolvePeriod } from "./report-period";
import { summarizeDecided } from "./decided-summary";
import { reportQueries, type ReportScope } from "./report-queries";
import { loadReportState, parseStateColumn, type ReportState } from "./report-state";
import type { Quantiles, SlaReport } from "./sla-report";
import { reportStatement } from "./report-statement";
import { summaryQueries, summarySegment } from "./summary-queries";
import { bucketPercentile, type Bucket } from "./time-buckets";

type Row = Record<string, unknown>;
const STEP_ORDER: ReportStep[] = [...STEPS, END_TO_END];
const byStep = <T extends { step: ReportStep }>(rows: T[]) =>
  rows.sort((a, b) => STEP_ORDER.indexOf(a.step) - STEP_ORDER.indexOf(b.step));
const quantiles = (value: unknown): Quantiles => {
  const [median, p90] = (value as number[] | null) ?? [0, 0];
  return { median: Math.round(median ?? 0), p90: Math.round(p90 ?? 0) };
};

type Times = SlaReport["times"];
/** `times` as the clocks' query returns it: percentiles per step. */
const timesFromClocks = (rows: Row[]): Times =>
  rows.map((r) => ({
    step: r.step as ReportStep,
    n: Number(r.n),
    agency: quantiles(r.agency),
    merchant: quantiles(r.merchant),
    hold: quantiles(r.hold),
  }));
/** `times` from the summary's buckets, per step and metric in bucket order. */
function timesFromBuckets(rows: Row[]): Times {
  const steps = new Map<ReportStep, Bucket[][]>();
  for (const r of rows) {
    const metrics = steps.get(r.step as ReportStep) ?? [[], [], []];
    steps.set(r.step as ReportStep, metrics);
    metrics[Number(r.metric)]!.push({ bucket: Number(r.bucket), n: Number(r.n), lo: Number(r.lo), hi: Number(r.hi) });
  }
  const q = (buckets: Bucket[]): Quantiles => {
    buckets.sort((a, b) => a.bucket - b.bucket);
    return {
      median: Math.round(bucketPercentile(buckets, 0.5)),
      p90: Math.round(bucketPercentile(buckets, 0.9)),
    };
  };
  return [...steps].map(([step, [agency, merchant, hold]]) => ({
    step,
    n: agency!.reduce((sum, b) => sum + b.n, 0),
    agency: q(agency!),
    merchant: q(merchant!),
    hold: q(hold!),
  }));
}

/**
 * The queries that answer this scope: the per-day summary when it is in the agency's zone and
 * keeps the segment, else the clocks themselves. The bench times the same choice raw (planReport).
 */
function chooseReportQueries(scope: ReportScope, summaryZone: string | null) {
  const seg = summaryZone === scope.zone ? summarySegment(scope) : null;
  return seg
    ? { fromSummary: true as const, queries: summaryQueries(scope, seg) }
    : { fromSummary: false as const, queries: reportQueries(scope) };
}

/** The period, zone and statement for `params` under `state`. */
export function planReport(params: ReportParams, now: Date, state: ReportState) {
  const zone = state.zone;
  const period = resolvePeriod(params, now, zone);
  return { period, zone, ...chooseReportQueries({ ...period, now, zone, params }, state.summaryZone) };
}
type ReportPlan = ReturnType<typeof planReport>;

/**
 * Whether two states plan the same statement for any params: the same agency zone, and the
 * summary usable (cut in that zone) in both or in neither; the segment is the params' own.
 */
const plansAlike = (a: ReportState, b: ReportState) =>
  a.zone === b.zone && (a.summaryZone === a.zone) === (b.summaryZone === b.zone);

/**
 * The state the last report in this process ran under. Only a guess for the next report, never
 * trusted: its statement returns the state it actually ran under, and if that would have planned
 * a different statement, the report is run again under it (decision 0042). So a report is one
 * round trip, except the first in a process and the first after the agency's zone changes.
 */
let lastState: ReportState | null = null;

async function runPlanned(
  params: ReportParams,
  now: Date,
): Promise<{ plan: ReportPlan; state: ReportState; row: Row }> {
  let state = lastState ?? (await loadReportState());
  for (let attempt = 1; ; attempt++) {
    const plan = planReport(params, now, state);
    const [row] = (await executePrepared<Row>(reportStatement(plan.queries))) as [Row];
    const ranUnder = parseStateColumn(row.state);
    lastState = ranUnder;
    if (plansAlike(state, ranUnder)) return { plan, state: ranUnder, row };
    if (attempt === 3) throw new Error("The report's calendar changed while it loaded. Please reload the page.");
    state = ranUnder;
  }
}

/**
 * The SLA report's figures for a period and segment (leads and admins). The page and its CSVs
 * both come from this one call, so a download always matches the screen.
 */
export async function loadSlaReport(actor: StaffActor, params: ReportParams, now = new Date()): Promise<SlaReport> {
  authorize(actor, "reports:read");
  const { plan, state, row } = await runPlanned(params, now);
  const { period, zone, fromSummary } = plan;
  const [decided, times, funnel, workload] = (["decided", "times", "funnel", "workload"] as const).map(
    (column) => row[column] as Row[],
  ) as [Row[], Row[], Row[], Row[]];
  const summary = summarizeDecided(
    decided.map((r) => ({
      step: r.step as ReportStep,
      policyVersion: Number(r.policy_version),
      cause: r.cause as BreachCause,
      breached: Boolean(r.breached),
      stillOpen: Boolean(r.still_open),
      week: String(r.week),
      n: Number(r.n),
    })),
  );
  const funnelRows = byStep(
    funnel.map((r) => ({
      step: r.step as ReportStep,
      reached: Number(r.reached),
      completed: Number(r.completed),
      dropped: Number(r.dropped),
    })),
  );
  return {
    period,
    zone,
    generatedAt: now,
    summaryAt: fromSummary ? state.refreshedAt : null,
    outcomes: byStep(summary.outcomes),
    times: byStep(fromSummary ? timesFromBuckets(times) : timesFromClocks(times)),
    signups: funnelRows.find((r) => r.step === END_TO_END)?.reached ?? 0,
    funnel: funnelRows.filter((r) => r.step !== END_TO_END),
    causes: summary.causes,
    trend: summary.trend,
    workload: workload
      .map((r) => ({
        specialistId: (r.specialist_id as string | null) ?? null,
        name: (r.name as string | null) ?? "Unassigned",
        open: Number(r.open),
        dueSoon: Number(r.due_soon),
        breached: Number(r.breached),
      }))
      .sort((a, b) => b.breached - a.breached || b.dueSoon - a.dueSoon || a.name.localeCompare(b.name)),
  };
}
