import type { MerchantEventType } from "@/db/schema";
import { GROUP_LABELS } from "@/lib/lightspeed/vocabulary";
import { STEP_LABELS } from "@/lib/pipeline/pipeline";
import type { Step } from "@/lib/pipeline/steps";
import { DEFAULT_AGENCY_TIME_ZONE, formatDateTime, formatEndOfDay } from "@/lib/time";

/** Words for the workspace: event titles and evidence summaries. Times go through lib/time. */
export { formatDuration, formatRelative } from "@/lib/time";

/** Exact time for tooltips and the timeline, in the viewer's zone with its label. */
export function formatExact(date: Date, timeZone: string = DEFAULT_AGENCY_TIME_ZONE): string {
  return formatDateTime(date, timeZone);
}

const stepName = (stage: Step | null | undefined) => (stage ? STEP_LABELS[stage] : "a step");

export function eventTitle(event: { type: MerchantEventType; stage: Step | null; assignedTo?: string | null }): string {
  switch (event.type) {
    case "signed_up":
      return "Signed up";
    case "stage_completed":
      return `${stepName(event.stage)} done`;
    case "stage_undone":
      return `${stepName(event.stage)} undone`;
    case "assigned":
      return event.assignedTo ? `Assigned to ${event.assignedTo}` : "Unassigned";
    case "held":
      return "Put on hold";
    case "resumed":
      return "Resumed";
    case "cancelled":
      return "Cancelled";
    case "note":
      return "Note";
    case "credential_recorded":
      return "Credential recorded";
    case "verification":
      return "Key verification";
    case "rekey_opened":
      return "Re-key requested";
    case "action_required":
      return "Merchant action required";
    case "action_cleared":
      return "Merchant action cleared";
    case "health_alert":
      return "Key health alert";
    case "connect_link":
      return "Secure link";
    case "reminder_sent":
      return "Reminder sent";
    case "merchant_replied":
      return "Merchant replied";
    case "reminder":
      return "Reminders";
    default:
      return String(event.type).replaceAll("_", " ");
  }
}

const VIA: Record<string, string> = {
  email: "by email",
  connect_link: "through the secure link",
  console: "by phone / other",
};
const VERDICTS: Record<string, string> = {
  healthy: "healthy: key works with every permission",
  incomplete_permissions: "permissions missing",
  invalid_credentials: "rejected by Lightspeed (wrong key or secret)",
  rate_limited: "rate-limited, will retry",
  unreachable: "Lightspeed unreachable",
};

/**
 * A done step's evidence as short phrases ("received 3 May 2026, 10:40 by email", "key abcd…wxyz").
 * Fields without words here (ids, nested objects, anything another domain adds) are left out:
 * the page never shows field names or raw values; the audit log keeps them.
 */
export function describeEvidence(
  evidence: Record<string, unknown> | null | undefined,
  timeZone: string = DEFAULT_AGENCY_TIME_ZONE,
): string[] {
  if (!evidence) return [];
  const out: string[] = [];
  // jsonb does not keep key order; the verdict reads best first, then what it found.
  const first = ["verdict", "source", "receivedAt", "fingerprint"];
  const rank = (name: string) => (first.includes(name) ? first.indexOf(name) : first.length);
  const entries = Object.entries(evidence).sort(([a], [b]) => rank(a) - rank(b));
  for (const [name, value] of entries) {
    if (value === null || value === undefined || value === "") continue;
    switch (name) {
      case "receivedAt":
        if (typeof value === "string" && !Number.isNaN(Date.parse(value))) {
          out.push(
            `received ${formatExact(new Date(value), timeZone)}${typeof evidence.via === "string" ? ` ${VIA[evidence.via] ?? evidence.via}` : ""}${typeof evidence.from === "string" ? ` from ${evidence.from}` : ""}`,
          );
        }
        break;
      case "via":
        if (!("receivedAt" in evidence)) out.push(VIA[String(value)] ?? String(value));
        break;
      case "fingerprint":
        out.push(`key ${String(value)}`);
        break;
      case "lightspeedUserEmail":
        out.push(`user ${String(value)}`);
        break;
      case "fullPermissions":
        out.push(value ? "full permissions confirmed" : "full permissions not confirmed");
        break;
      case "feed":
        out.push(`feed: ${String(value)}`);
        break;
      case "verdict":
        out.push(VERDICTS[String(value)] ?? String(value));
        break;
      case "missing":
        // A rejected pair says nothing about permissions: never list every grant as "missing".
        if (evidence.verdict !== "invalid_credentials" && Array.isArray(value) && value.length)
          out.push(`missing: ${value.map(grantLabel).join(", ")}`);
        break;
      case "cluster":
        out.push(`on Lightspeed's ${String(value)} cluster`);
        break;
      case "until":
        if (typeof value === "string") out.push(`until ${formatEndOfDay(new Date(value), timeZone)}`);
        break;
      case "source":
        out.push(value === "api" ? "via the sign-up portal" : "entered in the console");
        break;
      default:
        break;
    }
  }
  return out;
}

/** "orders:write" → "Orders → Write"; other strings pass through. */
export function grantLabel(value: unknown): string {
  const m = /^([a-z]+):(read|write)$/.exec(String(value));
  if (!m) return String(value);
  const group = GROUP_LABELS[m[1] as keyof typeof GROUP_LABELS] ?? m[1];
  return `${group} → ${m[2] === "read" ? "Read" : "Write"}`;
}
