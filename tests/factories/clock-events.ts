import type { ClockEvent } from "@/lib/sla/intervals";
import { parseCalendar } from "@/lib/sla/calendar";

/** Builders for the pure SLA clock tests: an instant, an event at an instant, a step completed. */
export const at = (iso: string) => new Date(iso);

export const ev = (type: ClockEvent["type"], iso: string, extra: Partial<ClockEvent> = {}): ClockEvent => ({
  type,
  at: at(iso),
  ...extra,
});

export const done = (stage: NonNullable<ClockEvent["stage"]>, iso: string) => ev("stage_completed", iso, { stage });

/** Mon 30 Nov 2026 (Amsterdam UTC+1, 08:00Z is 09:00 local): signed up, then the merchant's two steps, an hour each. */
export const upToPasswordReset: ClockEvent[] = [
  ev("signed_up", "2026-11-30T08:00:00Z", { stage: "signed_up" }),
  done("user_created", "2026-11-30T09:00:00Z"),
  done("user_approved", "2026-11-30T10:00:00Z"),
];

/** Both calendars Amsterdam with Dutch holidays, default hours. */
export const amsterdamCalendars = () => ({
  agency: parseCalendar({ timeZone: "Europe/Amsterdam", country: "NL" }),
  merchant: parseCalendar({ timeZone: "Europe/Amsterdam", country: "NL" }),
});
