import { createLogger } from "@/lib/logger";

const log = createLogger("dependency");

/** How often a lasting outage is summed up in one line (instead of one line per failed attempt). */
export const OUTAGE_SUMMARY_EVERY_MS = 30_000;

type Outage = {
  /** Sources (one per client) that failed and have not been ready since. */
  down: Set<string>;
  errors: number;
  startedAt: number;
  timer: NodeJS.Timeout | null;
};

const globalForOutages = globalThis as unknown as { dependencyOutages?: Map<string, Outage> };

function outageOf(dependency: string): Outage {
  const outages = (globalForOutages.dependencyOutages ??= new Map());
  let outage = outages.get(dependency);
  if (!outage) outages.set(dependency, (outage = { down: new Set(), errors: 0, startedAt: 0, timer: null }));
  return outage;
}

function describe(error: unknown) {
  if (!(error instanceof Error)) return { error: String(error) };
  const code = (error as NodeJS.ErrnoException).code;
  return { error: error.message, ...(code ? { code } : {}) };
}

/**
 * The log of a dependency outage, per process: one line when the first client of a dependency
 * fails, one summary (errors so far) every 30 s while any client is still down, and one line when
 * the last of them is ready again. Every client of a dependency reports here, so a Redis restart
 * is three lines, not one stack trace per reconnect attempt per client.
 */
export function reportFailure(dependency: string, source: string, error: unknown) {
  const outage = outageOf(dependency);
  outage.errors++;
  if (outage.down.has(source)) return;
  outage.down.add(source);
  if (outage.down.size > 1) return;
  outage.startedAt = Date.now();
  outage.errors = 1;
  log.warn(`${dependency} unavailable`, { dependency, ...describe(error) });
  outage.timer = setInterval(() => {
    log.warn(`${dependency} still unavailable`, {
      dependency,
      seconds: Math.round((Date.now() - outage.startedAt) / 1000),
      errors: outage.errors,
    });
  }, OUTAGE_SUMMARY_EVERY_MS);
  // A summary timer never keeps a finished process (a CLI, a test) alive.
  outage.timer.unref();
}

export function reportRecovery(dependency: string, source: string) {
  const outage = outageOf(dependency);
  if (!outage.down.delete(source) || outage.down.size > 0) return;
  if (outage.timer) clearInterval(outage.timer);
  outage.timer = null;
  log.info(`${dependency} available again`, {
    dependency,
    seconds: Math.round((Date.now() - outage.startedAt) / 1000),
    errors: outage.errors,
  });
}

/** A client that is closed for good stops counting as down (it will never be ready again). */
export function forgetSource(dependency: string, source: string) {
  const outage = outageOf(dependency);
  if (!outage.down.delete(source) || outage.down.size > 0) return;
  if (outage.timer) clearInterval(outage.timer);
  outage.timer = null;
}

type Repeated = { count: number; timer: NodeJS.Timeout };
const globalForRepeats = globalThis as unknown as { repeatedErrors?: Map<string, Repeated> };

/**
 * For errors that come in bursts, one per job (a Redis restart without persistence makes every
 * job that was running fail its lock renewal and its completion: "Missing key for job …"). The
 * first of a kind (its message without the job id) is logged; the rest of the next 30 s become one
 * count line.
 */
export function reportRepeated(scope: string, message: string, error: Error, fields: Record<string, unknown> = {}) {
  const kind = error.message.replace(/job \S+/g, "job …");
  const key = `${scope}|${message}|${kind}`;
  const repeats = (globalForRepeats.repeatedErrors ??= new Map());
  const seen = repeats.get(key);
  if (seen) {
    seen.count++;
    return;
  }
  const logger = createLogger(scope);
  logger.error(message, { ...fields, error: kind });
  const timer = setTimeout(() => {
    const entry = repeats.get(key);
    repeats.delete(key);
    if (entry?.count)
      logger.error(`${message} (${entry.count} more like it in 30 s)`, { ...fields, error: kind, more: entry.count });
  }, OUTAGE_SUMMARY_EVERY_MS);
  timer.unref();
  repeats.set(key, { count: 0, timer });
}
