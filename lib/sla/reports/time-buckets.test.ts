import { describe, expect, it } from "vitest";
import { bucketPercentile, type Bucket } from "./time-buckets";

/** What `percentile_cont` gives over the raw values (the figure the buckets stand in for). */
function exact(values: number[], q: number) {
  const sorted = [...values].sort((a, b) => a - b);
  const position = q * (sorted.length - 1);
  const below = Math.floor(position);
  const low = sorted[below]!;
  return low + (position - below) * ((sorted[below + 1] ?? low) - low);
}

/** The buckets the refresh would write for these values (same rule as `bucketOf`). */
function bucketsOf(values: number[]): Bucket[] {
  const byBucket = new Map<number, Bucket>();
  for (const v of values) {
    const bucket = v <= 0 ? 0 : 1 + Math.floor(Math.log(v) / Math.log(1.05));
    const b = byBucket.get(bucket) ?? { bucket, n: 0, lo: v, hi: v };
    byBucket.set(bucket, { bucket, n: b.n + 1, lo: Math.min(b.lo, v), hi: Math.max(b.hi, v) });
  }
  return [...byBucket.values()].sort((a, b) => a.bucket - b.bucket);
}

describe("bucketPercentile", () => {
  it("is exact for few values: 1 h and 9.5 h give the interpolated median and p90", () => {
    const buckets = bucketsOf([3600, 34_200]);
    expect(bucketPercentile(buckets, 0.5)).toBe(18_900); // 5 h 15 min
    expect(bucketPercentile(buckets, 0.9)).toBe(exact([3600, 34_200], 0.9));
  });

  it("is exact for repeated values and for zeros", () => {
    expect(bucketPercentile(bucketsOf([3600, 3600, 3600, 3600]), 0.9)).toBe(3600);
    expect(bucketPercentile(bucketsOf([0, 0, 0]), 0.5)).toBe(0);
    expect(bucketPercentile([], 0.5)).toBe(0);
  });

  it("stays within one bucket's width (5 %) of the exact figure for many spread values", () => {
    const values = Array.from({ length: 5000 }, (_, i) => Math.round(60 + ((i * 7919) % 5000) ** 1.7));
    const buckets = bucketsOf(values);
    for (const q of [0.5, 0.9]) {
      const want = exact(values, q);
      expect(Math.abs(bucketPercentile(buckets, q) - want)).toBeLessThanOrEqual(want * 0.05);
    }
  });
});
