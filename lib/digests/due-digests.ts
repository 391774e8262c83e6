import type { Role } from "@/lib/auth/roles";
import type { BusinessCalendar } from "@/lib/sla/calendar";
import { digestDay, type DigestDay } from "./digest-day";
import type { DigestKind } from "./vocabulary";

/** A staff member as the digest tick sees them (active ones only; SQL leaves the others out). */
export type DigestCandidate = {
  staffId: string;
  role: Role;
  /** Their own zone, or the agency's when they chose none. */
  timeZone: string;
  daily: boolean;
  weekly: boolean;
  /** Assigned at least one merchant that is neither cancelled nor finished. */
  hasOpenMerchants: boolean;
};

export type DueDigest = { staffId: string; kind: DigestKind; dedupeKey: string; zone: string; day: DigestDay };

/** One email per key, ever: the outbox's unique index makes a second plan of it a no-op. */
export function digestKey(staffId: string, kind: DigestKind, day: DigestDay): string {
  return kind === "daily_digest"
    ? `digest:${staffId}:daily:${day.localDate}`
    : `digest:${staffId}:weekly:${day.isoWeek}`;
}

/**
 * Which digests are due at `now` (pure): on a working day of the recipient's own zone, from 08:00
 * local until the end of the working hours. The daily digest goes to everyone who opted in and has
 * open merchants (no email for an empty list); the weekly one to leads who opted in, on the first
 * working day of the week the tick runs on after 08:00 (Monday, or Tuesday after a holiday Monday).
 * Whether it was already sent is the key's business, not this function's: it may return a digest
 * on every tick of the day. `force` (the send-now command) skips the time window.
 */
export function dueDigests(
  candidates: readonly DigestCandidate[],
  now: Date,
  agency: BusinessCalendar,
  options: { force?: boolean } = {},
): DueDigest[] {
  const due: DueDigest[] = [];
  for (const c of candidates) {
    const kinds: DigestKind[] = [];
    if (c.daily && c.hasOpenMerchants) kinds.push("daily_digest");
    if (c.weekly && c.role === "lead") kinds.push("weekly_digest");
    if (!kinds.length) continue;
    const day = digestDay(now, c.timeZone, agency) ?? (options.force ? forcedDay(now, c.timeZone, agency) : null);
    if (!day) continue;
    if (!options.force && (now < day.opensAt || now >= day.closesAt)) continue;
    for (const kind of kinds)
      due.push({ staffId: c.staffId, kind, dedupeKey: digestKey(c.staffId, kind, day), zone: c.timeZone, day });
  }
  return due;
}

/** send-now on a day off: the day as if it were a working one (every weekday open). */
function forcedDay(now: Date, zone: string, agency: BusinessCalendar): DigestDay | null {
  return digestDay(now, zone, {
    ...agency,
    days: ["sun", "mon", "tue", "wed", "thu", "fri", "sat"],
    closed: [],
    country: null,
  });
}
