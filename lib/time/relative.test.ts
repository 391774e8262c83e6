import { describe, expect, it } from "vitest";
import { formatDuration, formatRelative, formatRunTime, formatUptime } from "./relative";

const now = new Date("2026-05-10T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const MIN = 60_000;

describe("formatRelative", () => {
  it("says how long ago, shortly", () => {
    expect(formatRelative(ago(30_000), now)).toBe("just now");
    expect(formatRelative(ago(45 * MIN), now)).toBe("45 min ago");
    expect(formatRelative(ago(3 * 60 * MIN), now)).toBe("3 h ago");
    expect(formatRelative(ago(24 * 60 * MIN), now)).toBe("yesterday");
    expect(formatRelative(ago(9 * 24 * 60 * MIN), now)).toBe("9 d ago");
    expect(formatRelative(ago(90 * 24 * 60 * MIN), now)).toBe("3 mo ago");
  });
  it("says how long until, for future times", () => {
    expect(formatRelative(new Date(now.getTime() + 15 * MIN), now)).toBe("in 15 min");
    expect(formatRelative(new Date(now.getTime() + 24 * 60 * MIN), now)).toBe("tomorrow");
  });
});

describe("formatDuration", () => {
  it("writes waiting times in days, hours and minutes", () => {
    expect(formatDuration(30_000)).toBe("under a minute");
    expect(formatDuration(12 * MIN)).toBe("12 min");
    expect(formatDuration(5 * 60 * MIN + 10 * MIN)).toBe("5 h 10 min");
    expect(formatDuration(3 * 1440 * MIN + 4 * 60 * MIN + 59 * MIN)).toBe("3 d 4 h");
  });
});

describe("formatRunTime and formatUptime", () => {
  it("says how long a job ran, from milliseconds to hours", () => {
    expect(formatRunTime(340)).toBe("340 ms");
    expect(formatRunTime(4_260)).toBe("4.2 s");
    expect(formatRunTime(2 * 3_600_000 + 5 * 60_000)).toBe("2 h 5 min");
  });
  it("says how long a worker has been up in hours and minutes, not raw seconds", () => {
    expect(formatUptime(11_520)).toBe("up 3 h 12 min");
    expect(formatUptime(42)).toBe("up 42 s");
    expect(formatUptime(2 * 86_400 + 7_200)).toBe("up 2 d 2 h");
  });
});
