/**
 * Structured JSON-lines logger. Values under secret-ish keys are replaced before anything is
 * written, so a careless `log.info({ credential })` cannot leak a Lightspeed secret.
 */
type Level = "debug" | "info" | "warn" | "error";
const ORDER: Record<Level | "silent", number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };
const SECRET_KEY = /secret|password|passwd|token|authorization|cookie|apikey|api_key|ciphertext|^key$/i;

/** Properties of database errors that may hold SQL text, bound values or submitted input. */
const DB_VALUE_FIELDS = new Set([
  "query",
  "params",
  "parameters",
  "args",
  "types",
  "detail",
  "where",
  "internal_query",
]);

function isPostgresError(error: Error & Record<string, unknown>): boolean {
  return (
    error.name === "PostgresError" ||
    (typeof error.code === "string" && /^[0-9A-Z]{5}$/.test(error.code) && typeof error.severity === "string")
  );
}

/**
 * Errors become a few safe fields. A database error keeps its SQLSTATE `code`, `constraint`,
 * `table`, `column` and `routine`, never its message, SQL, parameters or detail: postgres.js and
 * drizzle (DrizzleQueryError: "Failed query: … params: …") put submitted values in all of those.
 * Other errors keep name, message and a string `code`; causes are followed a few levels.
 */
export function serializeError(error: Error, depth = 0): Record<string, unknown> {
  const e = error as Error & Record<string, unknown>;
  const cause = depth < 3 && e.cause instanceof Error ? { cause: serializeError(e.cause, depth + 1) } : {};
  if (isPostgresError(e)) {
    const fields = {
      code: e.code,
      constraint: e.constraint_name,
      table: e.table_name,
      column: e.column_name,
      routine: e.routine,
    };
    return {
      name: error.name,
      ...Object.fromEntries(Object.entries(fields).filter(([, v]) => typeof v === "string")),
      ...cause,
    };
  }
  if ([...DB_VALUE_FIELDS].some((field) => field in e))
    return { name: error.name, message: "Database query failed (SQL and parameters not logged).", ...cause };
  return {
    name: error.name,
    message: error.message,
    ...(typeof e.code === "string" ? { code: e.code } : {}),
    ...cause,
  };
}

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6 || value === null || typeof value !== "object") return value;
  if (value instanceof Error) return serializeError(value);
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) ? "[redacted]" : redact(v, depth + 1)]),
  );
}

/** Tests capture log lines through this sink; production writes to stdout/stderr. */
type Sink = (line: string, level: Level) => void;
let sink: Sink = (line, level) =>
  (level === "error" || level === "warn" ? process.stderr : process.stdout).write(`${line}\n`);

let captured = false;

/** Routes every line (all levels) to `next` until the returned restore function is called. */
export function setLogSink(next: Sink) {
  const previous = { sink, captured };
  sink = next;
  captured = true;
  return () => {
    sink = previous.sink;
    captured = previous.captured;
  };
}

function threshold() {
  const level = (process.env.LOG_LEVEL ?? "info") as Level | "silent";
  return ORDER[level] ?? ORDER.info;
}

function write(level: Level, scope: string, message: string, fields?: Record<string, unknown>) {
  const line = JSON.stringify({
    time: new Date().toISOString(),
    level,
    scope,
    message,
    ...(redact(fields ?? {}) as object),
  });
  // A captured sink sees every level, so leak tests cover debug output too.
  if (captured || ORDER[level] >= threshold()) sink(line, level);
}

export function createLogger(scope: string) {
  return {
    debug: (message: string, fields?: Record<string, unknown>) => write("debug", scope, message, fields),
    info: (message: string, fields?: Record<string, unknown>) => write("info", scope, message, fields),
    warn: (message: string, fields?: Record<string, unknown>) => write("warn", scope, message, fields),
    error: (message: string, fields?: Record<string, unknown>) => write("error", scope, message, fields),
  };
}
export type Logger = ReturnType<typeof createLogger>;
