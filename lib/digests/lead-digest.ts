import type { Step } from "@/lib/pipeline/steps";
import { STEP_LABELS } from "@/lib/pipeline/pipeline";
import { formatDateTime, formatRelative } from "@/lib/time";
import { capped, count, FOOTER, type DigestView } from "./digest-view";
import { openAt, taskLine, type DigestTask } from "./task-lines";

/** A merchant-owned step past its expected time (policy's merchant expected time), open now. */
export type StalledMerchant = {
  merchantId: string;
  shopName: string;
  step: Step;
  specialist: string | null;
  expectedAt: Date;
};

/** An Actenzo step whose SLA due time passed in the last 7 days before it was done. */
export type SlaBreach = {
  merchantId: string;
  shopName: string;
  step: Step | "end_to_end";
  specialist: string | null;
  dueAt: Date;
  completedAt: Date | null;
  /** agency | merchant | platform, as the SLA clocks judged it. */
  cause: string | null;
};

export type LeadDigestInput = {
  name: string;
  zone: string;
  now: Date;
  appUrl: string;
  stalled: readonly StalledMerchant[];
  breaches: readonly SlaBreach[];
  /** Open lead-level escalation tasks (unassigned: every lead's), the specialist's call did not help. */
  tasks: readonly DigestTask[];
};

const who = (specialist: string | null) => specialist ?? "unassigned";
const stepLabel = (step: SlaBreach["step"]) => (step === "end_to_end" ? "End to end" : STEP_LABELS[step]);

/**
 * The lead's weekly digest (pure): stalled merchants, longest stalled first; breaches of the week,
 * newest first; the open lead tasks, oldest first.
 */
export function leadDigest(input: LeadDigestInput): DigestView {
  const stalled = [...input.stalled].sort((a, b) => a.expectedAt.getTime() - b.expectedAt.getTime());
  const breaches = [...input.breaches].sort((a, b) => b.dueAt.getTime() - a.dueAt.getTime());
  const open = breaches.filter((b) => !b.completedAt).length;
  const calls = openAt(input.tasks, input.now);
  const link = (id: string) => `${input.appUrl}/merchants/${id}`;
  return {
    subject: `Weekly onboarding digest: ${count(stalled.length, "stalled merchant")}, ${count(breaches.length, "SLA breach", "SLA breaches")}`,
    preview: `${count(stalled.length, "stalled merchant")}, ${count(breaches.length, "SLA breach", "SLA breaches")} in the last 7 days, ${count(calls.length, "lead task")} open`,
    greeting: `Good morning ${input.name},`,
    intro: `Your weekly onboarding digest. Times are in ${input.zone}.`,
    sections: [
      {
        heading: "Stalled merchants",
        summary: `${count(stalled.length, "merchant")} past the expected time on their own step`,
        empty: "No merchant is stalled.",
        ...capped(
          stalled.map((s) => ({
            label: s.shopName,
            href: link(s.merchantId),
            detail: `${STEP_LABELS[s.step]} · ${who(s.specialist)} · expected by ${formatDateTime(s.expectedAt, input.zone)} (${formatRelative(s.expectedAt, input.now)})`,
          })),
          (n) => `…and ${n} more in the queue.`,
        ),
      },
      {
        heading: "SLA breaches in the last 7 days",
        summary: `${count(breaches.length, "breach", "breaches")}, ${open} still open`,
        empty: "No SLA was breached in the last 7 days.",
        ...capped(
          breaches.map((b) => ({
            label: b.shopName,
            href: link(b.merchantId),
            detail: `${stepLabel(b.step)} · ${who(b.specialist)} · due ${formatDateTime(b.dueAt, input.zone)} · ${b.completedAt ? `done ${formatDateTime(b.completedAt, input.zone)}` : "still open"}${b.cause ? ` · cause: ${b.cause}` : ""}`,
          })),
          (n) => `…and ${n} more on the SLA report.`,
        ),
      },
      {
        heading: "Calls for a lead to make",
        summary: `${count(calls.length, "open lead task")}: reminders ran out and the specialist's call did not settle it`,
        empty: "No lead task is open.",
        ...capped(
          calls.map((t) => taskLine(t, input)),
          (n) => `…and ${n} more on the task list.`,
        ),
      },
    ],
    console: { label: "Open the SLA report", href: `${input.appUrl}/reports` },
    footer: FOOTER,
  };
}
