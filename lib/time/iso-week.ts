/**
 * ISO 8601 weeks of calendar dates. Works on the date label ("2026-11-30") a zone gave it
 * (toLocalDateTimeValue), never on the process's own offset. Pure.
 */
const DAY = 86_400_000;

/** "2026-W49": the ISO week (Monday to Sunday; week 1 holds the year's first Thursday) of a local date. */
export function isoWeekOf(localDate: string): string {
  const ms = Date.parse(`${localDate}T00:00:00Z`);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = new Date(ms + (3 - weekday) * DAY);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY)) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}
