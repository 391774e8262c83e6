import { describe, expect, it } from "vitest";
import { offsetRuns } from "./offset-runs";

const ms = (iso: string) => new Date(iso).getTime();
const HOUR = 3_600_000;

describe("offsetRuns", () => {
  it("cuts an interval at Amsterdam's spring-forward, to the millisecond", () => {
    const runs = [...offsetRuns(ms("2026-03-28T23:00:00Z"), ms("2026-03-29T22:00:00Z"), "Europe/Amsterdam")];
    expect(runs).toEqual([
      { start: ms("2026-03-28T23:00:00Z"), end: ms("2026-03-29T01:00:00Z"), offsetMs: HOUR },
      { start: ms("2026-03-29T01:00:00Z"), end: ms("2026-03-29T22:00:00Z"), offsetMs: 2 * HOUR },
    ]);
  });
  it("cuts at New York's fall-back", () => {
    const runs = [...offsetRuns(ms("2026-11-01T04:00:00Z"), ms("2026-11-02T05:00:00Z"), "America/New_York")];
    expect(runs.map((r) => [new Date(r.start).toISOString(), r.offsetMs / HOUR])).toEqual([
      ["2026-11-01T04:00:00.000Z", -4],
      ["2026-11-01T06:00:00.000Z", -5],
    ]);
  });
  it("covers a long span without gaps, in runs of at most 32 days", () => {
    const from = ms("2026-01-01T00:00:00Z");
    const to = ms("2027-01-01T00:00:00Z");
    const runs = [...offsetRuns(from, to, "UTC")];
    expect(runs[0]!.start).toBe(from);
    expect(runs.at(-1)!.end).toBe(to);
    runs.slice(1).forEach((run, i) => expect(run.start).toBe(runs[i]!.end));
    expect(Math.max(...runs.map((r) => r.end - r.start))).toBeLessThanOrEqual(32 * 24 * HOUR);
  });
  it("yields nothing for an empty interval", () => {
    expect([...offsetRuns(ms("2026-01-02T00:00:00Z"), ms("2026-01-01T00:00:00Z"), "UTC")]).toEqual([]);
  });
});
