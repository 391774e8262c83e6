import type { Fault, FaultMatch, SimCluster } from "./types";

export type FaultRequest = { cluster: SimCluster; method: string; path: string; apiKey: string | null };
/** What the faults matching one request ask for: extra delay, then at most one terminal fault. */
export type FaultPlan = { delayMs: number; terminal: Exclude<Fault, { kind: "delay" }> | null };

/** A string `path` must equal the request's pathname (no query); a RegExp is tested against it. */
export function faultMatches(match: FaultMatch | undefined, req: FaultRequest): boolean {
  if (!match) return true;
  if (match.cluster && match.cluster !== req.cluster) return false;
  if (match.method && match.method.toUpperCase() !== req.method) return false;
  if (match.apiKey !== undefined && match.apiKey !== req.apiKey) return false;
  if (match.path === undefined) return true;
  if (typeof match.path === "string") return match.path === req.path;
  match.path.lastIndex = 0; // a /g or /y RegExp keeps state between tests
  return match.path.test(req.path);
}

/**
 * Faults apply in the order injected. Every matching delay adds up; the first matching
 * non-delay fault decides the answer. Each use spends one of `times`; spent faults are removed.
 */
export class FaultList {
  private faults: { fault: Fault; left: number }[] = [];

  add(fault: Fault): void {
    this.faults.push({ fault, left: fault.times ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.faults = [];
  }

  get size(): number {
    return this.faults.length;
  }

  plan(req: FaultRequest): FaultPlan {
    const plan: FaultPlan = { delayMs: 0, terminal: null };
    if (this.faults.length === 0) return plan;
    for (const entry of this.faults) {
      if (entry.left <= 0 || !faultMatches(entry.fault.match, req)) continue;
      if (entry.fault.kind === "delay") plan.delayMs += entry.fault.ms;
      else if (plan.terminal) continue;
      else plan.terminal = entry.fault;
      entry.left -= 1;
    }
    this.faults = this.faults.filter((entry) => entry.left > 0);
    return plan;
  }
}
