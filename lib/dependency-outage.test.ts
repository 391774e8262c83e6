import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  OUTAGE_SUMMARY_EVERY_MS,
  forgetSource,
  reportFailure,
  reportRecovery,
  reportRepeated,
} from "./dependency-outage";
import { setLogSink } from "./logger";

let lines: { message: string; errors?: number }[] = [];
let restore: () => void;
beforeEach(() => {
  vi.useFakeTimers();
  lines = [];
  restore = setLogSink((line) => lines.push(JSON.parse(line)));
});
afterEach(() => {
  restore();
  vi.useRealTimers();
});

describe("the outage log", () => {
  it("writes one line when the first client fails, a count every 30 s, and one line when the last client is back", () => {
    const dep = `redis-${Math.random()}`;
    for (let i = 0; i < 50; i++) {
      reportFailure(dep, "web", new Error("connect ECONNREFUSED"));
      reportFailure(dep, "queue", new Error("connect ECONNREFUSED"));
    }
    expect(lines.map((l) => l.message)).toEqual([`${dep} unavailable`]);

    vi.advanceTimersByTime(OUTAGE_SUMMARY_EVERY_MS * 2);
    expect(lines.map((l) => l.message)).toEqual([
      `${dep} unavailable`,
      `${dep} still unavailable`,
      `${dep} still unavailable`,
    ]);
    expect(lines[1]?.errors).toBe(100);

    reportRecovery(dep, "web");
    expect(lines).toHaveLength(3);
    reportRecovery(dep, "queue");
    expect(lines.at(-1)?.message).toBe(`${dep} available again`);
    vi.advanceTimersByTime(OUTAGE_SUMMARY_EVERY_MS * 3);
    expect(lines).toHaveLength(4);
  });

  it("a client closed while down ends the outage silently; a ready client that never failed logs nothing", () => {
    const dep = `redis-${Math.random()}`;
    reportRecovery(dep, "web");
    expect(lines).toHaveLength(0);
    reportFailure(dep, "web", new Error("boom"));
    forgetSource(dep, "web");
    vi.advanceTimersByTime(OUTAGE_SUMMARY_EVERY_MS * 2);
    expect(lines.map((l) => l.message)).toEqual([`${dep} unavailable`]);
  });

  it("a burst of per-job errors is its first line and one count, per kind", () => {
    for (let i = 0; i < 40; i++) {
      reportRepeated("worker", "worker error", new Error(`could not renew lock for job verify-key.${i}`));
      reportRepeated("worker", "worker error", new Error(`Missing key for job verify-key.${i}. moveToFinished`));
    }
    expect(lines).toHaveLength(2);
    vi.advanceTimersByTime(OUTAGE_SUMMARY_EVERY_MS);
    expect(lines).toHaveLength(4);
    expect(lines.map((l) => (l as { more?: number }).more).filter(Boolean)).toEqual([39, 39]);
    expect(JSON.stringify(lines)).not.toContain("verify-key.7");
  });
});
