import type { Owner, Step } from "@/lib/pipeline/steps";
import { STEP_LABELS } from "@/lib/pipeline/pipeline";
import { formatDate, formatDateTime, formatRelative } from "@/lib/time";
import { capped, count, FOOTER, type DigestLine, type DigestView } from "./digest-view";
import { openAt, taskLine, type DigestTask } from "./task-lines";

/** One of the specialist's open merchants, as the digest loader reads it. */
export type DigestMerchant = {
  merchantId: string;
  shopName: string;
  step: Step;
  /** Who owes the next move (ball in court). */
  owner: Owner | null;
  onHold: boolean;
  /** The open Actenzo step's SLA (merchants.sla_due_at / sla_warn_at); null while no target runs. */
  slaDueAt: Date | null;
  slaWarnAt: Date | null;
  /** The merchant step's expected time (its SLA clock row); past it, the merchant is stalled. */
  expectedAt: Date | null;
  stepSince: Date;
};

export type SentReminder = {
  merchantId: string;
  shopName: string;
  step: Step | null;
  kind: "reminder" | "ask";
  number: number | null;
  sentAt: Date;
};

export type SpecialistDigestInput = {
  name: string;
  zone: string;
  now: Date;
  /** The end of the specialist's working day: "what you owe today" is due before it. */
  closesAt: Date;
  /** Reminders are listed from here (the previous digest, or a day ago). */
  since: Date;
  appUrl: string;
  merchants: readonly DigestMerchant[];
  reminders: readonly SentReminder[];
  /** Their open escalation tasks: reminders ran out, the merchant needs a call. */
  tasks: readonly DigestTask[];
};

// Running SLA first by due time (so breached, then due soon, then on track), then the merchant's
// moves by expected time (stalled first), then holds; ties by how long the step has been open.
function rank(m: DigestMerchant): [number, number, number] {
  const since = m.stepSince.getTime();
  if (m.onHold) return [3, 0, since];
  if (m.slaDueAt) return [0, m.slaDueAt.getTime(), since];
  if (m.owner === "merchant") return [1, m.expectedAt?.getTime() ?? Number.MAX_SAFE_INTEGER, since];
  return [2, 0, since];
}

export function byTimeToBreach(a: DigestMerchant, b: DigestMerchant): number {
  const [x, y] = [rank(a), rank(b)];
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2] || a.shopName.localeCompare(b.shopName);
}

function status(m: DigestMerchant, now: Date): string {
  if (m.onHold) return "on hold";
  if (m.slaDueAt) {
    if (m.slaDueAt <= now) return `SLA breached ${formatRelative(m.slaDueAt, now)}`;
    if (m.slaWarnAt && m.slaWarnAt <= now) return `due soon, ${formatRelative(m.slaDueAt, now)}`;
    return `on track, due ${formatRelative(m.slaDueAt, now)}`;
  }
  if (m.owner === "merchant")
    return m.expectedAt && m.expectedAt <= now
      ? "stalled: the merchant is past the expected time"
      : "waiting for the merchant";
  return "no SLA target on this step";
}

function line(m: DigestMerchant, input: SpecialistDigestInput): DigestLine {
  const owner = m.onHold ? "On hold" : m.owner === "merchant" ? "Merchant" : "Actenzo";
  const due = m.onHold ? null : (m.slaDueAt ?? (m.owner === "merchant" ? m.expectedAt : null));
  const dueText = due ? ` · ${m.slaDueAt ? "due" : "expected by"} ${formatDateTime(due, input.zone)}` : "";
  return {
    label: m.shopName,
    href: `${input.appUrl}/merchants/${m.merchantId}`,
    detail: `${STEP_LABELS[m.step]} · ${owner} · ${status(m, input.now)}${dueText}`,
  };
}

/**
 * The specialist's morning digest (pure): their merchants by time to breach, today's work, the calls
 * their escalation tasks ask for, reminders sent.
 */
export function specialistDigest(input: SpecialistDigestInput): DigestView {
  const ordered = [...input.merchants].sort(byTimeToBreach);
  const owed = ordered.filter((m) => !m.onHold && m.owner === "agency" && m.slaDueAt && m.slaDueAt < input.closesAt);
  const breached = ordered.filter((m) => !m.onHold && m.slaDueAt && m.slaDueAt <= input.now).length;
  const reminders = [...input.reminders].sort((a, b) => a.sentAt.getTime() - b.sentAt.getTime());
  const calls = openAt(input.tasks, input.now);
  const today = formatDate(input.now, input.zone);
  return {
    subject: `Your merchants for ${today}: ${breached} breached, ${owed.length} due from you today`,
    preview: `${count(input.merchants.length, "merchant")}, ${owed.length} due from you today, ${count(calls.length, "call")} to make, ${count(reminders.length, "reminder")} sent`,
    greeting: `Good morning ${input.name},`,
    intro: `Your onboarding digest for ${today}. Times are in ${input.zone}.`,
    sections: [
      {
        heading: "Your merchants by time to SLA breach",
        summary: `${input.merchants.length} open, ${breached} breached`,
        empty: "You have no open merchants.",
        ...capped(
          ordered.map((m) => line(m, input)),
          (n) => `…and ${n} more in your queue.`,
        ),
      },
      {
        heading: "What you owe today",
        summary: `Actenzo steps due before ${formatDateTime(input.closesAt, input.zone)}`,
        empty: "Nothing of yours is due today.",
        ...capped(
          owed.map((m) => line(m, input)),
          (n) => `…and ${n} more in your queue.`,
        ),
      },
      {
        heading: "Calls to make",
        summary: `${count(calls.length, "merchant")} the reminders did not move: call them`,
        empty: "No merchant is waiting for your call.",
        ...capped(
          calls.map((t) => taskLine(t, input)),
          (n) => `…and ${n} more on your task list.`,
        ),
      },
      {
        heading: "Reminders sent",
        summary: `Since ${formatDateTime(input.since, input.zone)}`,
        empty: "No reminders went out since your last digest.",
        ...capped(
          reminders.map((r) => ({
            label: r.shopName,
            href: `${input.appUrl}/merchants/${r.merchantId}`,
            detail: `${r.kind === "ask" ? "Asked to act" : `Reminder ${r.number ?? ""}`.trim()}${r.step ? ` · ${STEP_LABELS[r.step]}` : ""} · sent ${formatDateTime(r.sentAt, input.zone)}`,
          })),
          (n) => `…and ${n} more on the merchants' timelines.`,
        ),
      },
    ],
    console: { label: "Open your queue", href: `${input.appUrl}/queue` },
    footer: FOOTER,
  };
}
