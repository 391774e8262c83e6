import type { SimClock } from "./types";

/**
 * The clock behind the rate-limit windows and generated timestamps. "manual" time only moves
 * through advance/set, so tests can cross a window boundary without waiting; "real" follows the
 * wall clock, shifted by any advance/set so a running demo can be pushed forward too.
 */
export function createClock(mode: "real" | "manual", startAt?: number): SimClock {
  if (mode === "manual") {
    let now = startAt ?? Date.now();
    return {
      now: () => now,
      advance: (ms) => void (now += ms),
      set: (ms) => void (now = ms),
    };
  }
  let offset = startAt === undefined ? 0 : startAt - Date.now();
  return {
    now: () => Date.now() + offset,
    advance: (ms) => void (offset += ms),
    set: (ms) => void (offset = ms - Date.now()),
  };
}
