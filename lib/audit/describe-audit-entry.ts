import { ROLE_LABELS, type Role } from "@/lib/auth/roles";

export type AuditEntryFacts = {
  action: string;
  actorName: string | null;
  merchantName: string | null;
  /** The staff member a staff.* entry is about. */
  staffName: string | null;
  details: Record<string, unknown>;
  /** Names of staff ids that appear in details (assignments, hand-overs). */
  nameOf: (staffId: unknown) => string;
};

const STAFF_VERBS: Record<string, string> = {
  "staff.created": "created the account of",
  "staff.invited": "invited",
  "staff.invite_resent": "sent the invite again to",
  "staff.invite_accepted": "accepted the invite for",
  "staff.reactivated": "reactivated",
  "staff.sessions_revoked": "signed out in every browser",
  "staff.time_zone_changed": "changed the time zone of",
  "staff.approved": "approved the company sign-in of",
};

/** One audit row in words, as a person would say it: names, never ids or field names. */
export function describeAuditEntry(f: AuditEntryFacts): string {
  const who = f.actorName ?? "The system";
  const merchant = f.merchantName ?? "a merchant that no longer exists";
  const staff = f.staffName ?? "a former colleague";
  const d = f.details;
  switch (f.action) {
    case "credentials.reveal_secret":
      return `${who} revealed the secret of ${merchant}: '${String(d.reason ?? "")}'`;
    case "credentials.record_key":
      return `${who} recorded the API key of ${merchant}`;
    case "credentials.record_secret":
      return `${who} recorded the API secret of ${merchant}`;
    case "merchant.assigned":
      return d.to ? `${who} assigned ${merchant} to ${f.nameOf(d.to)}` : `${who} unassigned ${merchant}`;
    case "merchant.task_done":
      return `${who} called ${merchant} and closed the ${d.level === "lead" ? "lead's" : "specialist's"} task: '${String(d.outcome ?? "")}'`;
    case "merchant.time_zone_changed":
      return `${who} changed the time zone of ${merchant} from ${String(d.from ?? "?")} to ${String(d.to ?? "?")}`;
    case "merchant.calendar_changed":
      return `${who} changed the working hours of ${merchant}: ${String(d.summary ?? "")}`;
    case "merchant.shop_confirmed":
      return `${who} confirmed the Lightspeed shop of ${merchant}`;
    case "connect_link.created":
      return `${who} created a connect link for ${merchant}`;
    case "connect_link.revoked":
      return `${who} revoked the connect link of ${merchant}`;
    case "staff.role_changed":
      return `${who} changed the role of ${staff} from ${label(d.from)} to ${label(d.to)}`;
    case "staff.created":
      if (d.via !== "company-sign-in") break;
      return d.approvalPending
        ? `${staff} signed in with the company account for the first time and awaits approval`
        : `${staff} signed in with the company account for the first time, as ${label(d.role)} by group`;
    case "staff.identity_linked":
      return `${staff} signed in with the company account; it is now linked to their existing account`;
    case "sla.calendar_changed":
      return `${who} changed the agency calendar: ${String(d.summary ?? "")}`;
    case "sla.policy_published":
      return `${who} published SLA policy version ${String(d.version ?? "")}: ${String(d.summary ?? "")}`;
    case "staff.deactivated":
      return `${who} deactivated ${staff}${handOverWords(d.handOver, f.nameOf)}`;
    case "staff.digests_changed":
      return `${who} turned ${onOff(d.daily)} the daily digest and ${onOff(d.weekly)} the weekly digest of ${staff}`;
  }
  if (f.action.startsWith("jobs.")) return describeJobEntry(who, f);
  if (STAFF_VERBS[f.action]) return `${who} ${STAFF_VERBS[f.action]} ${staff}`;
  const [domain, verb = ""] = f.action.split(".");
  const words = verb.replaceAll("_", " ");
  return domain === "merchant" ? `${who}: ${words} for ${merchant}` : `${who}: ${words}`;
}

const onOff = (value: unknown) => (value ? "on" : "off");

function label(role: unknown) {
  return ROLE_LABELS[role as Role]?.toLowerCase() ?? "an unknown role";
}

function handOverWords(handOver: unknown, nameOf: (id: unknown) => string) {
  const h = handOver as { merchants?: number; to?: { staffId: string; merchants: number }[] } | undefined;
  if (!h?.merchants || !h.to?.length) return "";
  const to = h.to.map((t) => `${nameOf(t.staffId)} (${t.merchants})`).join(", ");
  return `; ${h.merchants} open merchant${h.merchants === 1 ? "" : "s"} went to ${to}`;
}

const JOB_VERBS: Record<string, string> = {
  "jobs.retried": "retried the failed",
  "jobs.promoted": "ran the delayed",
  "jobs.removed": "removed the",
};

/** "Ada retried the failed verify-key job of Wijnhuis De Bron (verification queue)". */
function describeJobEntry(who: string, f: AuditEntryFacts): string {
  const d = f.details;
  const queue = `the ${String(d.queue ?? "?")} queue`;
  const count = Number(d.count ?? 0);
  switch (f.action) {
    case "jobs.retried_all_failed":
      return `${who} retried all failed jobs of ${queue} (${count})`;
    case "jobs.queue_paused":
      return `${who} paused ${queue}`;
    case "jobs.queue_resumed":
      return `${who} resumed ${queue}`;
    case "jobs.cleaned":
      return `${who} cleaned up ${count} ${String(d.state ?? "")} ${count === 1 ? "job" : "jobs"} older than ${String(d.olderThan)} ${d.olderThan === 1 ? String(d.unit).slice(0, -1) : String(d.unit)} from ${queue}`;
  }
  const verb = JOB_VERBS[f.action] ?? f.action.slice("jobs.".length).replaceAll("_", " ");
  const forWhom = f.merchantName ? ` of ${f.merchantName}` : "";
  return `${who} ${verb} ${String(d.jobName ?? "")} job${forWhom} (${queue.slice(4)})`;
}
