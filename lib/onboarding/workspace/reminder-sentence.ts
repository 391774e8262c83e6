import { STEP_LABELS } from "@/lib/pipeline/pipeline";
import type { Step } from "@/lib/pipeline/steps";

/** The reminder events in words (lib/reminders writes them): sent, stopped, escalated, failed, snoozed … */
const STOP_WORDS: Record<string, string> = {
  step_done: "the step is done",
  cancelled: "the merchant was cancelled",
  on_hold: "the merchant is on hold",
  unsubscribed: "the merchant unsubscribed from reminders",
  merchant_replied: "the merchant replied",
};

const step = (stage: Step | null | undefined) => (stage ? `“${STEP_LABELS[stage]}”` : "the open steps");
const taskOwner = (level: unknown) => (level === "lead" ? "lead's" : "specialist's");
const count = (n: unknown) => (typeof n === "number" ? n : 0);

export function reminderSentSentence(e: Record<string, unknown>, stage: Step | null | undefined): string {
  const to = typeof e.to === "string" ? ` to ${e.to}` : "";
  const lang = typeof e.language === "string" ? ` (${e.language.toUpperCase()})` : "";
  if (e.kind === "ask") return `Emailed the merchant${to}${lang} what is still open, as a specialist asked.`;
  if (typeof e.number === "number") return `Sent reminder ${e.number}${to}${lang} about ${step(stage)}.`;
  return "Sent the merchant a reminder.";
}

export function reminderSentence(e: Record<string, unknown>, stage: Step | null | undefined): string {
  switch (e.action) {
    case "stopped":
      return `Stopped the reminders about ${step(stage)} after ${count(e.sent)} sent: ${STOP_WORDS[String(e.reason)] ?? "stopped"}.`;
    case "escalated":
      return e.to === "lead"
        ? `Reminders about ${step(stage)} went unanswered, also after the specialist was asked: the lead is asked to step in.`
        : `${count(e.sent)} reminders about ${step(stage)} went unanswered: the specialist is asked to call the merchant.`;
    case "task_done":
      return `Called the merchant about ${step(stage)} and marked the ${taskOwner(e.level)} task done.`;
    case "task_closed":
      return `The ${taskOwner(e.level)} task to call the merchant about ${step(stage)} closed by itself: ${STOP_WORDS[String(e.reason)] ?? "no longer needed"}.`;
    case "failed":
      return `A reminder could not be sent after ${count(e.attempts)} tries (${typeof e.error === "string" ? e.error : "mail server error"}); please contact the merchant.`;
    case "snoozed":
      return `The merchant asked to be reminded after ${typeof e.until === "string" ? e.until.slice(0, 10) : "a while"}.`;
    case "unsubscribed":
      return "The merchant unsubscribed from reminders.";
    case "replied":
      return "Marked that the merchant replied; reminders about the current step stop.";
    default:
      return "Reminders changed.";
  }
}
