import { sql as dsql, type SQL } from "drizzle-orm";

/**
 * The report summary's histogram of business seconds (docs/decisions/0030): bucket 0 holds the
 * zeros, bucket k ≥ 1 the values v with floor(ln v / ln 1.05) = k − 1, so each bucket is at most
 * 5 % wide. Each bucket keeps its count and its lowest and highest value; a percentile is read the
 * way `percentile_cont` reads the sorted values, placing a bucket's values evenly between its
 * lowest and highest. Exact whenever the two values it interpolates between sit in buckets of at
 * most two values or of equal values; otherwise off by less than one bucket's width.
 */
export const BUCKET_RATIO = 1.05;

/** The bucket of an integer column of business seconds, as SQL (the refresh writes it). */
export function bucketOf(value: SQL): SQL {
  return dsql`(case when ${value} <= 0 then 0 else 1 + floor(ln(${value}::float8) / ln(${BUCKET_RATIO}::float8))::int end)`;
}

/** One bucket with its values' count, lowest and highest value. */
export type Bucket = { bucket: number; n: number; lo: number; hi: number };

/** The i-th smallest value (0-based) of buckets sorted by bucket, values spread evenly in each. */
function nth(buckets: readonly Bucket[], i: number): number {
  let before = 0;
  for (const b of buckets) {
    if (i < before + b.n) {
      const within = i - before;
      return b.n === 1 ? b.lo : b.lo + ((b.hi - b.lo) * within) / (b.n - 1);
    }
    before += b.n;
  }
  return buckets.at(-1)?.hi ?? 0;
}

/** `percentile_cont(q)` over the values the buckets (sorted by bucket) describe; 0 when empty. */
export function bucketPercentile(buckets: readonly Bucket[], q: number): number {
  const total = buckets.reduce((sum, b) => sum + b.n, 0);
  if (total === 0) return 0;
  const position = q * (total - 1);
  const below = Math.floor(position);
  const fraction = position - below;
  const low = nth(buckets, below);
  return fraction === 0 ? low : low + fraction * (nth(buckets, below + 1) - low);
}
