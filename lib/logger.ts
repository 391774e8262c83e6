/**
 * Structured JSON-lines logger. Values under secret-ish keys are replaced before anything is
 * written, so a careless `log.info({ credential })` cannot leak a Lightspeed secret.
 */
type Level = "debug" | "info" | "warn" | "error";
const ORDER: Record<Level | "silent", number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };
const SECRET_KEY = /secret|password|passwd|token|authorization|cookie|apikey|api_key|ciphertext|^key$/i;

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6 || value === null || typeof value !== "object") return value;
  if (value instanceof Error) return { name: value.name, message: value.message };
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) ? "[redacted]" : redact(v, depth + 1)]),
  );
}

/** Tests capture log lines through this sink; production writes to stdout/stderr. */
type Sink = (line: string, level: Level) => void;
let sink: Sink = (line, level) => (level === "error" || level === "warn" ? process.stderr : process.stdout).write(`${line}\n`);

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
  const line = JSON.stringify({ time: new Date().toISOString(), level, scope, message, ...(redact(fields ?? {}) as object) });
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
