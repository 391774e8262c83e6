import type { RateLimitWindow, SimKey } from "./types";

/**
 * Per-key fixed windows (300/5 min, 3000/h, 12000/day) plus 20 requests per clock second.
 * A window opens with the key's first counted request (or when a key with `used` is upserted)
 * and closes `length` later: anchoring on first use keeps tests that pre-consume quota from
 * flaking at a wall-clock boundary. See README.md "Decisions".
 */
export const WINDOWS = [
  { name: "fiveMin", limit: 300, lengthMs: 300_000 },
  { name: "hour", limit: 3000, lengthMs: 3_600_000 },
  { name: "day", limit: 12_000, lengthMs: 86_400_000 },
] as const satisfies readonly { name: RateLimitWindow; limit: number; lengthMs: number }[];
export const PER_SECOND_LIMIT = 20;
export const TOO_MANY_REQUESTS = "Too many requests in this time period. Try again later.";

type Window = { start: number; count: number };
type KeyState = { windows: [Window, Window, Window]; second: string; secondCount: number };

/** One snapshot, in header order (5 min, hour, day). `remaining` holds -1 in exhausted slots on a 429. */
export type RateSnapshot = { limit: number[]; remaining: number[]; resetSeconds: number[]; resetAt: number[] };
export type ConsumeResult = { allowed: boolean; snapshot: RateSnapshot };

export class RateLimiter {
  private readonly states = new Map<string, KeyState>();
  /** `burstSecond` names the current second for the 20/s limit (see burstSecondOf). */
  constructor(
    private readonly now: () => number,
    private readonly burstSecond: () => string,
  ) {}

  /** Pre-consume quota for a key (fixture `used`), opening fresh windows now. */
  seed(id: string, used: SimKey["used"]): void {
    const fiveMin = used?.fiveMin ?? 0;
    const hour = Math.max(used?.hour ?? 0, fiveMin);
    const day = Math.max(used?.day ?? 0, hour);
    const start = this.now();
    this.states.set(id, {
      windows: [
        { start, count: fiveMin },
        { start, count: hour },
        { start, count: day },
      ],
      second: "",
      secondCount: 0,
    });
  }

  forget(id: string): void {
    this.states.delete(id);
  }

  /** Count one request, or refuse it (429) without counting when a window or the per-second burst is full. */
  consume(id: string): ConsumeResult {
    const state = this.current(id);
    const exhausted = WINDOWS.map((w, i) => state.windows[i]!.count >= w.limit);
    const second = this.burstSecond();
    if (state.second !== second) Object.assign(state, { second, secondCount: 0 });
    // A burst refusal leaves every slot >= 0: the client sees a 429 without -1 and retries after a second.
    if (exhausted.some(Boolean) || state.secondCount >= PER_SECOND_LIMIT) {
      return { allowed: false, snapshot: this.snapshot(state, exhausted) };
    }
    state.secondCount += 1;
    for (const w of state.windows) w.count += 1;
    return { allowed: true, snapshot: this.snapshot(state, [false, false, false]) };
  }

  /** Current state without counting (fault responses, forced 429s). */
  peek(id: string, forceExhausted?: RateLimitWindow): RateSnapshot {
    return this.snapshot(
      this.current(id),
      WINDOWS.map((w) => w.name === forceExhausted),
    );
  }

  private current(id: string): KeyState {
    const now = this.now();
    let state = this.states.get(id);
    if (!state) {
      state = {
        windows: [
          { start: now, count: 0 },
          { start: now, count: 0 },
          { start: now, count: 0 },
        ],
        second: "",
        secondCount: 0,
      };
      this.states.set(id, state);
    }
    WINDOWS.forEach((w, i) => {
      const window = state.windows[i]!;
      // A clock set backwards also restarts the window rather than showing a reset longer than the window.
      if (now >= window.start + w.lengthMs || now < window.start) Object.assign(window, { start: now, count: 0 });
    });
    return state;
  }

  private snapshot(state: KeyState, exhausted: boolean[]): RateSnapshot {
    const now = this.now();
    return {
      limit: WINDOWS.map((w) => w.limit),
      remaining: WINDOWS.map((w, i) => (exhausted[i] ? -1 : Math.max(0, w.limit - state.windows[i]!.count))),
      resetSeconds: WINDOWS.map((w, i) => Math.max(1, Math.ceil((state.windows[i]!.start + w.lengthMs - now) / 1000))),
      resetAt: WINDOWS.map((w, i) => state.windows[i]!.start + w.lengthMs),
    };
  }
}

/**
 * The 20/s bucket. Real clock: the clock's second. Manual clock: the clock's second and the wall
 * clock's second together, so a client that sleeps a real second after a burst 429 gets through
 * even while test time stands still, and a test can also open a new second with advance(1000).
 */
export function burstSecondOf(mode: "real" | "manual", now: () => number): () => string {
  if (mode === "real") return () => String(Math.floor(now() / 1000));
  return () => `${Math.floor(now() / 1000)}:${Math.floor(Date.now() / 1000)}`;
}

export function rateLimitHeaders(s: RateSnapshot): Record<string, string> {
  return {
    "X-RateLimit-Limit": s.limit.join("/"),
    "X-RateLimit-Remaining": s.remaining.join("/"),
    "X-RateLimit-Reset": s.resetSeconds.join("/"),
  };
}
