import { DependencyUnavailableError } from "./errors";

/**
 * SQLSTATEs that mean "the database cannot serve this now", not "this request is wrong":
 * connection exceptions (class 08), shutdown and start-up (57P01–57P03), too many connections,
 * and the app role's own bounds (statement timeout 57014, lock timeout 55P03, idle transaction 25P03).
 */
const UNAVAILABLE_SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300", "57014", "55P03", "25P03"]);

/** Socket-level failures, from postgres.js (its own codes) or from Node underneath it. */
const CONNECTION_CODES = new Set([
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_DESTROYED",
  "CONNECTION_ENDED",
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

type Shape = { name?: unknown; code?: unknown; cause?: unknown };

/**
 * The one place that recognises an outage in a thrown error: a `DependencyUnavailableError`
 * as is, or a PostgreSQL driver error (possibly wrapped by drizzle) that says the database is
 * out of reach. Anything else → null, and the caller treats it as a bug.
 */
export function toDependencyUnavailable(error: unknown): DependencyUnavailableError | null {
  let viaDatabase = false;
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    if (current instanceof DependencyUnavailableError) return current;
    const { name, code, cause } = current as Shape;
    // drizzle wraps driver errors; postgres.js stamps the failed query on its own errors.
    if (name === "DrizzleQueryError" || "query" in current) viaDatabase = true;
    if (typeof code === "string") {
      if (name === "PostgresError" && (code.startsWith("08") || UNAVAILABLE_SQLSTATES.has(code)))
        return new DependencyUnavailableError("database");
      if (viaDatabase && CONNECTION_CODES.has(code)) return new DependencyUnavailableError("database");
    }
    current = cause;
  }
  return null;
}

const lastWarned = new Map<string, { at: number; since: number }>();
const WARN_EVERY_MS = 30_000;

/**
 * An outage fails every request: warn once per dependency and half minute with how many failed
 * since, instead of a line (and a stack) per request. Per process on purpose: it only shapes logs.
 */
export function warnUnavailable(
  log: { warn: (message: string, fields?: Record<string, unknown>) => void },
  unavailable: DependencyUnavailableError,
) {
  const now = Date.now();
  const seen = lastWarned.get(unavailable.dependency) ?? { at: 0, since: 0 };
  seen.since += 1;
  if (now - seen.at >= WARN_EVERY_MS) {
    log.warn("dependency unavailable", { dependency: unavailable.dependency, failedRequests: seen.since });
    seen.at = now;
    seen.since = 0;
  }
  lastWarned.set(unavailable.dependency, seen);
}
