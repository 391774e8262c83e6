/**
 * Durations and relative times in words. Pure (callers pass `now`), so server and client render
 * the same text and tests can pin it. Relative times are zone-free; the exact time beside them
 * (tooltip) comes from format.ts.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "3 d 4 h", "5 h 10 min", "12 min", "under a minute": how long someone has been waiting. */
export function formatDuration(ms: number): string {
  if (ms < MINUTE) return "under a minute";
  const days = Math.floor(ms / DAY);
  const hours = Math.floor((ms % DAY) / HOUR);
  const minutes = Math.floor((ms % HOUR) / MINUTE);
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  return `${minutes} min`;
}

/** "340 ms", "4.2 s", then as formatDuration ("2 h 5 min"): how long a piece of work ran. */
export function formatRunTime(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < MINUTE) return `${(Math.floor(ms / 100) / 10).toFixed(1)} s`;
  return formatDuration(ms);
}

/** "up 3 h 12 min", "up 5 d 2 h": how long a process has been running, from its age in seconds. */
export function formatUptime(seconds: number): string {
  return seconds < 60 ? `up ${Math.floor(seconds)} s` : `up ${formatDuration(seconds * 1000)}`;
}

/**
 * Business time in hours and minutes ("34 h 10 min", "45 min", "0 min"): a business day is not 24 h,
 * so it is never rolled up into days.
 */
export function formatBusinessDuration(seconds: number): string {
  const minutes = Math.floor(Math.max(0, seconds) / 60);
  const hours = Math.floor(minutes / 60);
  if (hours === 0) return `${minutes} min`;
  return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
}

/** "just now", "45 min ago", "3 h ago", "yesterday", "9 d ago", "2 mo ago", "in 15 min", "tomorrow". */
export function formatRelative(date: Date, now: Date): string {
  const diff = date.getTime() - now.getTime();
  const abs = Math.abs(diff);
  if (abs < MINUTE) return "just now";
  const [amount, unit] =
    abs < HOUR
      ? [Math.round(abs / MINUTE), "min"]
      : abs < DAY
        ? [Math.round(abs / HOUR), "h"]
        : abs < 45 * DAY
          ? [Math.round(abs / DAY), "d"]
          : [Math.round(abs / (30 * DAY)), "mo"];
  if (unit === "d" && amount === 1) return diff < 0 ? "yesterday" : "tomorrow";
  return diff < 0 ? `${amount} ${unit} ago` : `in ${amount} ${unit}`;
}
