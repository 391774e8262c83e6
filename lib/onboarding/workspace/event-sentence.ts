import { STEP_LABELS } from "@/lib/pipeline/pipeline";
import { STEPS, type Step } from "@/lib/pipeline/steps";
import { DEFAULT_AGENCY_TIME_ZONE, formatBusinessDuration, formatEndOfDay } from "@/lib/time";
import { formatExact, grantLabel } from "./present";
import { reminderSentSentence, reminderSentence } from "./reminder-sentence";
import type { TimelineEvent } from "./types";

/**
 * One sentence per timeline event, in the words a specialist would use on the phone: what
 * happened, to what, and what it means. Field names, ids and raw values never reach the page
 * (the audit log keeps them). Pure, so the server and the browser render the same text.
 *
 * Times go through `formatExact` (the calendar module owns their format), never formatted here.
 */
export type EventSentenceInput = Pick<TimelineEvent, "type" | "stage" | "evidence" | "assignedTo">;

const VIA: Record<string, string> = {
  email: "by email",
  connect_link: "through the secure link",
  console: "by phone or another channel",
};

const str = (v: unknown) => (typeof v === "string" && v ? v : undefined);
const step = (stage: Step | null | undefined) => (stage ? `“${STEP_LABELS[stage]}”` : "a step");
const when = (iso: unknown, timeZone?: string) => {
  const s = str(iso);
  return s && !Number.isNaN(Date.parse(s)) ? formatExact(new Date(s), timeZone) : undefined;
};
/** A hold's end is stored as the start of the day after; say the last held day ("5 Dec 2026, end of day CET"). */
const holdEnd = (iso: unknown, timeZone?: string) => {
  const s = str(iso);
  return s && !Number.isNaN(Date.parse(s))
    ? formatEndOfDay(new Date(s), timeZone ?? DEFAULT_AGENCY_TIME_ZONE)
    : undefined;
};
const list = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
const grants = (v: unknown) => (Array.isArray(v) ? v.map(grantLabel) : []);
const permissionGap = (missing: string[]) =>
  missing.length === 1
    ? `one permission is missing: ${missing[0]}`
    : `${missing.length} permissions are missing: ${missing.join(", ")}`;

export function eventSentence(event: EventSentenceInput, timeZone?: string): string {
  const e = event.evidence ?? {};
  switch (event.type) {
    case "signed_up":
      return e.source === "api" ? "Signed up through the sign-up portal." : "Signed up; entered in the console.";
    case "stage_completed":
      return `Marked ${step(event.stage)} done.`;
    case "stage_undone": {
      const doneAt = when(e.completedAt, timeZone);
      return `Reopened ${step(event.stage)}${doneAt ? `, which had been done on ${doneAt}` : ""}.`;
    }
    case "assigned":
      return event.assignedTo
        ? `Assigned to ${event.assignedTo}.`
        : "Took the merchant off its specialist; now unassigned.";
    case "held": {
      const until = holdEnd(e.until, timeZone);
      return `${e.extended ? "Changed the hold" : "Put on hold"}${until ? `; until ${until}` : "; no end date"}.`;
    }
    case "resumed":
      return "Took the merchant off hold.";
    case "cancelled":
      return "Cancelled the onboarding.";
    case "note":
      return "Added a note.";
    case "credential_recorded":
      return credentialSentence(e, timeZone);
    case "verification":
      return verificationSentence(e);
    case "rekey_opened": {
      const undone = (Array.isArray(e.undone) ? e.undone : [])
        .filter((s): s is Step => STEPS.includes(s as Step))
        .map((s) => STEP_LABELS[s]);
      return undone.length ? `Asked for a new API key; reopened ${list(undone)}.` : "Asked for a new API key.";
    }
    case "action_required":
      return "Asked the merchant to act; the ball is with the merchant.";
    case "action_cleared":
      return "The merchant no longer needs to act.";
    case "health_alert":
      return healthSentence(e);
    case "connect_link":
      return connectLinkSentence(e, timeZone);
    case "reminder_sent":
      return reminderSentSentence(e, event.stage);
    case "sla_warning": {
      const target = typeof e.targetSeconds === "number" ? ` ${formatBusinessDuration(e.targetSeconds)}` : "";
      const due = when(e.dueAt, timeZone);
      return `Reached 75 % of the${target} target for ${step(event.stage)} in agency working time${due ? `; due ${due}` : ""}.`;
    }
    case "merchant_replied":
      return `The merchant replied${str(e.from) ? ` (${String(e.from)})` : ""}${when(e.receivedAt, timeZone) ? ` at ${when(e.receivedAt, timeZone)}` : ""}.`;
    case "reminder":
      return reminderSentence(e, event.stage);
    default:
      return "Something changed.";
  }
}

function credentialSentence(e: Record<string, unknown>, timeZone?: string): string {
  const what =
    e.half === "secret" ? "the API secret" : `the API key${str(e.fingerprint) ? ` (${String(e.fingerprint)})` : ""}`;
  const received = when(e.receivedAt, timeZone);
  const via = str(e.via) ? ` ${VIA[String(e.via)] ?? "by another channel"}` : "";
  // Read from the access mailbox: "API key (abcd…wxyz) received by email from anne@… at …".
  if (str(e.from)) {
    const half =
      e.half === "secret" ? "API secret" : `API key${str(e.fingerprint) ? ` (${String(e.fingerprint)})` : ""}`;
    return `${half} received${via} from ${String(e.from)}${received ? ` at ${received}` : ""}.`;
  }
  return `Recorded ${what}${received ? `, received ${received}` : ""}${via}.`;
}

function verificationSentence(e: Record<string, unknown>): string {
  switch (e.verdict) {
    case "healthy":
      return "Checked the key with Lightspeed: it works, with every permission the feed needs.";
    case "incomplete_permissions":
      return `Checked the key with Lightspeed: it works, but ${permissionGap(grants(e.missing))}.`;
    case "invalid_credentials":
      // Lightspeed refuses a wrong pair outright, so nothing is known about its permissions.
      return "Lightspeed rejected the key and secret: the pair is wrong or the key was deleted.";
    case "rate_limited":
      return "Could not check the key: Lightspeed's rate limit was reached. It will be tried again.";
    case "unreachable":
      return "Could not reach Lightspeed to check the key. It will be tried again.";
    default:
      return "Checked the key with Lightspeed.";
  }
}

function healthSentence(e: Record<string, unknown>): string {
  switch (e.action) {
    case "resolve":
      return "The key works again; the health alert is closed.";
    case "rekey":
      return "The key stopped working; a new key is needed.";
    default:
      return "The key's health check failed; an alert is open.";
  }
}

function connectLinkSentence(e: Record<string, unknown>, timeZone?: string): string {
  switch (e.action) {
    case "created": {
      const until = when(e.expiresAt, timeZone);
      return `Created a secure link${until ? `, valid until ${until}` : ""}${e.emailed ? ", and emailed it to the merchant" : ""}.`;
    }
    case "revoked":
      return "Revoked a secure link.";
    case "submitted":
      switch (e.outcome) {
        case "connected":
          return "The merchant sent a key through the secure link; it works with every permission.";
        case "missing_permissions":
          return `The merchant sent a key through the secure link; it works, but ${permissionGap(grants(e.missing))}.`;
        case "rejected":
          return "The merchant sent a key through the secure link; Lightspeed rejected it.";
        default:
          return "The merchant sent a key through the secure link; it will be checked shortly.";
      }
    default:
      return "Used a secure link.";
  }
}
