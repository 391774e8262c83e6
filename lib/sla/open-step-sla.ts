import type { Step } from "@/lib/pipeline/steps";
import type { BusinessCalendar } from "./calendar";
import { targetInstants } from "./clocks";
import type { ClockInterval } from "./intervals";
import { policyInForce, type SlaPolicy } from "./policy";

/**
 * The SLA of a merchant's open Actenzo step: its target under the policy version in force when
 * the step first started (a re-keyed step keeps its first start, as its clock keeps its sum), and
 * when its agency time reaches 75 % (warning) and 100 % (due). Null when the current step has no
 * Actenzo target. Pure: the stored `sla_due_at`/`sla_warn_at`, the queue and the workspace read it.
 */
export type OpenStepSla = {
  stage: Step;
  policyVersion: number;
  targetSeconds: number;
  startedAt: Date;
  warnAt: Date | null;
  dueAt: Date | null;
};

export function openStepSla(
  intervals: readonly ClockInterval[],
  stage: Step | null,
  policies: readonly SlaPolicy[],
  agency: BusinessCalendar,
): OpenStepSla | null {
  if (!stage) return null;
  const first = intervals.find((interval) => interval.stage === stage);
  if (!first) return null;
  const policy = policyInForce(policies, first.start);
  const targetSeconds = policy.agencyTargets[stage];
  if (targetSeconds === undefined || targetSeconds <= 0) return null;
  const { warnAt, dueAt } = targetInstants(intervals, stage, targetSeconds, agency);
  return { stage, policyVersion: policy.version, targetSeconds, startedAt: first.start, warnAt, dueAt };
}
