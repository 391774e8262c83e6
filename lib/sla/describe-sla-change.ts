import { STEP_LABELS } from "@/lib/pipeline/pipeline";
import { STEPS } from "@/lib/pipeline/steps";
import { formatBusinessDuration } from "@/lib/time/relative";
import type { BusinessCalendar } from "./calendar";
import type { SlaPolicy } from "./policy";

/** What an edit changed, in words for the audit trail ("closed 2026-12-24; hours 09:00-17:30 → 08:30-17:00"). Pure. */
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
export const formatHours = (h: BusinessCalendar["hours"]) => `${hhmm(h.start)}-${hhmm(h.end)}`;

export function describeCalendarChange(before: BusinessCalendar, after: BusinessCalendar): string {
  const parts: string[] = [];
  if (before.timeZone !== after.timeZone) parts.push(`time zone ${before.timeZone} → ${after.timeZone}`);
  if (before.days.join(",") !== after.days.join(","))
    parts.push(`days ${before.days.join(",")} → ${after.days.join(",")}`);
  if (formatHours(before.hours) !== formatHours(after.hours))
    parts.push(`hours ${formatHours(before.hours)} → ${formatHours(after.hours)}`);
  if ((before.country ?? "") !== (after.country ?? "")) parts.push(`holidays of ${before.country} → ${after.country}`);
  const was = new Set(before.closed ?? []);
  const now = new Set(after.closed ?? []);
  const added = [...now].filter((d) => !was.has(d));
  const removed = [...was].filter((d) => !now.has(d));
  if (added.length) parts.push(`closed ${added.join(", ")}`);
  if (removed.length) parts.push(`open again ${removed.join(", ")}`);
  return parts.length ? parts.join("; ") : "no change";
}

export function describePolicyChange(before: SlaPolicy, after: SlaPolicy): string {
  const parts: string[] = [];
  const fmt = (s: number | undefined) => (s === undefined ? "none" : formatBusinessDuration(s));
  for (const stage of STEPS) {
    for (const [kind, key] of [
      ["target", "agencyTargets"],
      ["expected", "merchantExpected"],
    ] as const) {
      const a = before[key][stage];
      const b = after[key][stage];
      if (a !== b) parts.push(`${STEP_LABELS[stage]} ${kind} ${fmt(a)} → ${fmt(b)}`);
    }
  }
  if (before.endToEndSeconds !== after.endToEndSeconds)
    parts.push(`end to end ${fmt(before.endToEndSeconds)} → ${fmt(after.endToEndSeconds)}`);
  return parts.length ? parts.join("; ") : "no change";
}
