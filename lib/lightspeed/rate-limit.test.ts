import { describe, expect, it } from "vitest";
import { exhaustedWindowWait, parseRateLimit, reserveReached } from "./rate-limit";

const headers = (limit?: string, remaining?: string, reset?: string) =>
  new Headers(
    Object.entries({
      "X-RateLimit-Limit": limit,
      "X-RateLimit-Remaining": remaining,
      "X-RateLimit-Reset": reset,
    }).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );

describe("parseRateLimit", () => {
  it("reads the three windows in header order", () => {
    expect(parseRateLimit(headers("300/3000/12000", "299/2999/11999", "263/2063/23663"))).toEqual({
      limit: [300, 3000, 12000],
      remaining: [299, 2999, 11999],
      reset: [263, 2063, 23663],
    });
  });

  it("accepts a plain header record, case-insensitively, and -1 in Remaining", () => {
    expect(
      parseRateLimit({
        "x-ratelimit-limit": "300/3000/12000",
        "x-ratelimit-remaining": "-1/2700/11700",
        "x-ratelimit-reset": "12/100/1000",
      }),
    ).toEqual({ limit: [300, 3000, 12000], remaining: [-1, 2700, 11700], reset: [12, 100, 1000] });
  });

  it.each([
    ["a missing header", headers("300/3000/12000", "299/2999/11999")],
    ["two windows", headers("300/3000", "299/2999/11999", "1/2/3")],
    ["four windows", headers("300/3000/12000/1", "299/2999/11999", "1/2/3")],
    ["text", headers("300/abc/12000", "299/2999/11999", "1/2/3")],
    ["decimals", headers("300/3000/12000", "299.5/2999/11999", "1/2/3")],
    ["an empty slot", headers("300//12000", "299/2999/11999", "1/2/3")],
    ["a negative reset", headers("300/3000/12000", "299/2999/11999", "-1/2/3")],
    ["-2 in Remaining", headers("300/3000/12000", "-2/2999/11999", "1/2/3")],
    ["an epoch-sized overflow", headers("300/3000/12000", "299/2999/11999", "1/2/99999999999999999999")],
  ])("gives null for %s", (_name, malformed) => {
    expect(parseRateLimit(malformed)).toBeNull();
  });
});

describe("exhaustedWindowWait", () => {
  const state = (remaining: [number, number, number]) => ({
    limit: [300, 3000, 12000] as [number, number, number],
    remaining,
    reset: [5, 1800, 40000] as [number, number, number],
  });

  it("waits the reset of the window marked -1", () => {
    expect(exhaustedWindowWait(state([-1, 10, 10]))).toBe(5);
    expect(exhaustedWindowWait(state([3, -1, 10]))).toBe(1800);
  });

  it("waits for the longest when several windows are exhausted", () => {
    expect(exhaustedWindowWait(state([-1, 10, -1]))).toBe(40000);
  });

  it("is null when no window is marked or no headers came", () => {
    expect(exhaustedWindowWait(state([0, 10, 10]))).toBeNull();
    expect(exhaustedWindowWait(null)).toBeNull();
  });
});

describe("reserveReached", () => {
  const withRemaining = (remaining: number) => ({
    limit: [300, 3000, 12000] as [number, number, number],
    remaining: [remaining, 2000, 9000] as [number, number, number],
    reset: [100, 1000, 10000] as [number, number, number],
  });

  it("allows a request that leaves exactly 10 % of the 5-minute window", () => {
    expect(reserveReached(withRemaining(31))).toBe(false);
  });

  it("stops before a request that would dip into the last 10 %", () => {
    expect(reserveReached(withRemaining(30))).toBe(true);
    expect(reserveReached(withRemaining(-1))).toBe(true);
  });

  it("does not stop without a known budget", () => {
    expect(reserveReached(null)).toBe(false);
  });
});
