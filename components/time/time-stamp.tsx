"use client";

import { formatDate, formatDateTime, formatEndOfDay, formatRelative, formatTime } from "@/lib/time";
import { useTimeZone } from "./time-zone-provider";
import { useNow } from "./use-now";

export type TimeStampMode = "relative" | "exact" | "both" | "date" | "time" | "end-of-day";

/**
 * One instant as the console shows it: in the signed-in staff member's zone, 24-hour, day before
 * month, with the zone label ("29 Nov 2026, 14:20 CET"). Relative forms ("3 h ago") carry the
 * exact time as a tooltip. `end-of-day` is for exclusive ends such as a hold's "until".
 */
export function TimeStamp({
  date,
  mode = "both",
  prefix = "",
  className,
}: {
  date: Date;
  mode?: TimeStampMode;
  prefix?: string;
  className?: string;
}) {
  const zone = useTimeZone();
  const now = useNow();
  const exact = formatDateTime(date, zone);
  const text = {
    relative: () => formatRelative(date, now),
    exact: () => exact,
    both: () => `${formatRelative(date, now)} · ${exact}`,
    date: () => formatDate(date, zone),
    time: () => formatTime(date, zone),
    "end-of-day": () => formatEndOfDay(date, zone),
  }[mode]();
  return (
    // The relative text may differ by a minute between server render and hydration.
    <time dateTime={date.toISOString()} title={`${prefix}${exact}`} className={className} suppressHydrationWarning>
      {text}
    </time>
  );
}
