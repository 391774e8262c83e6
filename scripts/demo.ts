/**
 * `npm run demo`: the whole product on one machine. Writes `.env` with fresh secrets if there is
 * none, makes sure PostgreSQL and Redis answer (starting local ones if they are down), migrates,
 * seeds demo data into an empty database, then runs the Lightspeed simulator, a mail sink, the
 * web console and the workers with prefixed output, waits until the console answers, and prints
 * the URL and the demo logins. Ctrl-C (or SIGTERM) stops everything it started.
 *
 * The console runs as a production build (`next start`), so every page answers fast from the
 * first click; `next build` runs only when the sources changed since the demo's last build
 * (see demo-build.ts). `--dev` runs `next dev` instead, with hot reload and slow first visits.
 *
 * Flags: --port 3000 (web), --dev (next dev), --env-file .env (another file for side-by-side runs).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { connectPostgres } from "@/db/connection-target";
import { Redis } from "ioredis";
import { ownerDatabaseUrl } from "@/db/database-urls";

const ROOT = path.resolve(import.meta.dirname, "..");
const BIN = (name: string) => path.join(ROOT, "node_modules", ".bin", name);
const COLORS = { demo: 1, sim: 35, mail: 33, web: 36, worker: 32 } as const;
type Prefix = keyof typeof COLORS;
const say = (prefix: Prefix, line: string) =>
  process.stdout.write(`\x1b[${COLORS[prefix]}m[${prefix.padEnd(6)}]\x1b[0m ${line}\n`);
const fail = (message: string): never => {
  say("demo", `\x1b[31m${message}\x1b[0m`);
  process.exit(1);
};

const { values: flags } = parseArgs({
  options: {
    port: { type: "string" },
    dev: { type: "boolean", default: false },
    prod: { type: "boolean", default: false },
    "env-file": { type: "string", default: ".env" },
  },
});
const envFile = path.resolve(ROOT, flags["env-file"]!);
const port = Number(flags.port ?? process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port <= 0) fail(`--port must be a port number, got ${flags.port}`);
process.chdir(ROOT);

// 1. Environment: a fresh .env with random secrets the first time.
if (!existsSync(envFile)) {
  const secret = (bytes: number) => randomBytes(bytes).toString("base64url");
  writeFileSync(
    envFile,
    [
      "# Written by `npm run demo` with fresh random secrets. Local demo use only.",
      "DATABASE_URL=postgres://actenzo_app@127.0.0.1:5432/actenzo",
      "DATABASE_OWNER_URL=postgres://postgres@127.0.0.1:5432/actenzo",
      "REDIS_URL=redis://127.0.0.1:6379/0",
      "REDIS_PREFIX=actenzo",
      `NEXTAUTH_SECRET=${secret(48)}`,
      `NEXTAUTH_URL=http://localhost:${port}`,
      `APP_URL=http://localhost:${port}`,
      `SIGNUPS_API_TOKEN=${secret(32)}`,
      `SECRETS_KEYRING=v1:${randomBytes(32).toString("base64")}`,
      "SECRETS_ACTIVE_KEY=v1",
      "SMTP_URL=smtp://127.0.0.1:2525",
      "LIGHTSPEED_EU1_URL=http://127.0.0.1:4101",
      "LIGHTSPEED_US1_URL=http://127.0.0.1:4102",
      "",
    ].join("\n"),
    { mode: 0o600 },
  );
  say("demo", `wrote ${path.relative(ROOT, envFile)} with fresh secrets`);
}
process.loadEnvFile(envFile);
// The console's own URL follows --port when it points at this machine.
for (const name of ["NEXTAUTH_URL", "APP_URL"] as const) {
  const url = new URL(process.env[name] ?? `http://localhost:${port}`);
  if (["localhost", "127.0.0.1"].includes(url.hostname)) {
    url.port = String(port);
    process.env[name] = url.origin;
  }
}
const { parseEnv, EnvError } = await import("@/lib/env");
let config: ReturnType<typeof parseEnv>;
try {
  config = parseEnv(process.env);
} catch (error) {
  fail(
    error instanceof EnvError
      ? `${error.message}\nFix ${path.relative(ROOT, envFile)} (or delete it to get a fresh one).`
      : String(error),
  );
}
const env = {
  ...config!,
  LIGHTSPEED_EU1_URL: process.env.LIGHTSPEED_EU1_URL,
  LIGHTSPEED_US1_URL: process.env.LIGHTSPEED_US1_URL,
};
const portOf = (url: string | undefined, fallback: number) => {
  try {
    return Number(new URL(url ?? "").port) || fallback;
  } catch {
    return fallback;
  }
};
const simPorts = { eu1: portOf(env.LIGHTSPEED_EU1_URL, 4101), us1: portOf(env.LIGHTSPEED_US1_URL, 4102) };
const mailPort = portOf(env.SMTP_URL, 2525);

// 2. PostgreSQL and Redis: reachable, or started if they are local and down.
const isLocal = (url: string) => ["127.0.0.1", "localhost", "::1", "[::1]"].includes(new URL(url).hostname);
async function postgresUp(): Promise<string | null> {
  const admin = new URL(ownerDatabaseUrl(process.env));
  admin.pathname = "/postgres";
  const client = connectPostgres(admin.toString(), { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await client`select 1`;
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end({ timeout: 1 }).catch(() => {});
  }
}
async function redisUp(): Promise<string | null> {
  const client = new Redis(env.REDIS_URL, {
    lazyConnect: true,
    connectTimeout: 3000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.ping();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    client.disconnect();
  }
}
async function ensureService(
  name: string,
  check: () => Promise<string | null>,
  url: string,
  start: () => void,
  hint: string,
) {
  let problem = await check();
  if (!problem) return;
  if (isLocal(url)) {
    say("demo", `${name} is not answering (${problem}); trying to start it…`);
    try {
      start();
    } catch (error) {
      say("demo", `could not start ${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
    for (let i = 0; i < 30 && problem; i++) {
      await new Promise((r) => setTimeout(r, 1000));
      problem = await check();
    }
  }
  if (problem) fail(`${name} is not reachable at ${new URL(url).host}: ${problem}\n${hint}`);
  say("demo", `${name} started`);
}
const run = (cmd: string, args: string[]) => {
  const result = spawnSync(cmd, args, { stdio: "ignore" });
  if (result.error) throw result.error;
};
await ensureService(
  "PostgreSQL",
  postgresUp,
  env.DATABASE_URL,
  () => {
    const versions = existsSync("/etc/postgresql") ? readdirSync("/etc/postgresql") : [];
    if (!versions[0]) throw new Error("no local PostgreSQL cluster found in /etc/postgresql");
    run("pg_ctlcluster", ["--skip-systemctl-redirect", versions[0], "main", "start"]);
  },
  "Start PostgreSQL (e.g. `pg_ctlcluster <version> main start`) or point DATABASE_URL at a running server.",
);
await ensureService(
  "Redis",
  redisUp,
  env.REDIS_URL,
  () =>
    run("redis-server", [
      "--daemonize",
      "yes",
      "--bind",
      "127.0.0.1",
      "--port",
      String(new URL(env.REDIS_URL).port || 6379),
      "--save",
      "",
      "--appendonly",
      "no",
    ]),
  "Start Redis (e.g. `redis-server --daemonize yes`) or point REDIS_URL at a running server.",
);

// 3. Schema and demo data.
const { migrateDatabase } = await import("@/db/migrate-database");
// As the owner; the migrations create the app's role (actenzo_app) that DATABASE_URL names.
await migrateDatabase(ownerDatabaseUrl(process.env), { createIfMissing: true });
say("demo", `database ${new URL(env.DATABASE_URL).pathname.slice(1)} migrated`);
const { seedDemo, formatDemoLogins } = await import("@/scripts/seed/index");
const started = Date.now();
const seeded = await seedDemo();
say(
  "demo",
  seeded.seeded
    ? `seeded ${seeded.merchants} demo merchants in ${Date.now() - started} ms`
    : `not seeding: ${seeded.reason}`,
);

// 4. The simulator's fixture: its own demo shops plus every demo merchant's shop and key.
const { loadDemoSimulatorFixture } = await import("@/scripts/seed/demo-simulator-fixture");
mkdirSync(".demo", { recursive: true });
const fixturePath = path.join(ROOT, ".demo", "simulator-fixture.json");
const fixture = await loadDemoSimulatorFixture(path.join(ROOT, "tests/lightspeed-simulator/fixtures/demo.json"));
writeFileSync(fixturePath, JSON.stringify(fixture));
// Pairs seeded as "verifying" get no job here: the worker reconciles with PostgreSQL when it starts
// (and every minute), queueing every verifying pair without a job, the same path that recovers a
// Redis that lost its data (docs/decisions/0013).
const { pendingDemoVerifications } = await import("@/scripts/seed/demo-simulator-fixture");
const pending = await pendingDemoVerifications();
if (pending.length)
  say("demo", `${pending.length} key pairs wait for a verdict; the worker queues them when it starts`);
// The access mailbox (a local Dovecot when installed): the worker and the console inherit INTAKE_*.
const { startDemoIntake } = await import("@/scripts/seed/demo-intake");
const intake = await startDemoIntake().catch((error: Error) => ({ server: null, reason: error.message }) as const);
if (intake.server)
  say("demo", `access mailbox: local Dovecot on 127.0.0.1:${intake.server.port} with ${intake.seeded.length} emails`);
else say("demo", `mailbox intake is off: ${intake.reason}`);
// The seeded stalled merchants get their reminders planned now (the worker's reminder tick sends
// them, and keeps planning every minute); they land in the mail sink, shown at /admin/mail.
const { planDueReminders } = await import("@/lib/reminders/plan-due-reminders");
const reminders = await planDueReminders().catch((error: Error) => {
  say("demo", `could not plan reminders: ${error.message}`);
  return null;
});
if (reminders)
  say(
    "demo",
    `reminders: ${reminders.planned} planned for stalled merchants (${reminders.muted} paused, ${reminders.candidates - reminders.planned - reminders.muted} waiting for the merchant's business hours or their due day); see /admin/mail`,
  );
// Staff digests are not forced: the worker's digest-tick sends them on a weekday morning.
say(
  "demo",
  "digests: the worker emails each specialist's digest from 08:00 on working days (leads: weekly); any other time, `npm run digests -- send-now --staff tom@actenzo.test`",
);
const { closeDb } = await import("@/db/client");
await closeDb();
const { closeQueues } = await import("@/lib/jobs/queues").catch(() => ({ closeQueues: async () => {} }));
await closeQueues();
const { closeRedis } = await import("@/lib/redis");
await closeRedis();

// 5. The processes.
const children = new Map<Prefix, ChildProcess>();
let stopping = false;
function start(prefix: Prefix, command: string, args: string[], extraEnv: Record<string, string> = {}) {
  // Own process group, so stopping kills what it spawned too (next dev's workers, tsx's node).
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...extraEnv, FORCE_COLOR: "1" },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.set(prefix, child);
  for (const stream of [child.stdout, child.stderr]) {
    let buffered = "";
    stream?.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) if (line.trim()) say(prefix, line);
    });
  }
  child.on("exit", (code, signal) => {
    children.delete(prefix);
    if (stopping) return;
    say(prefix, `exited (${signal ?? `code ${code}`})`);
    if (prefix === "web" || prefix === "sim") void shutdown(1);
  });
  return child;
}

const { startMailSink } = await import("./dev-mail-sink");
const mail = await startMailSink({ port: mailPort, log: (line) => say("mail", line) }).catch((error: Error) =>
  fail(`mail sink could not listen on port ${mailPort}: ${error.message}`),
);
start("sim", BIN("tsx"), [
  "tests/lightspeed-simulator/main.ts",
  "--fixture",
  fixturePath,
  "--eu1-port",
  String(simPorts.eu1),
  "--us1-port",
  String(simPorts.us1),
]);

// --prod is the default now; the flag is still accepted for old habits and scripts.
const dev = flags.dev && !flags.prod;
if (dev) {
  start("web", BIN("next"), ["dev", "-p", String(port)], { NODE_ENV: "development", DEMO_MODE: "on" });
} else {
  const { buildNeeded, recordBuild, sourceHash } = await import("./demo-build");
  const hash = sourceHash(ROOT);
  const reason = buildNeeded(ROOT, hash);
  if (reason) {
    say("web", `building (next build): ${reason}. This takes a few minutes once; later starts reuse it.`);
    const build = spawnSync(BIN("next"), ["build"], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: "production" },
      stdio: "inherit",
    });
    if (build.status !== 0) await shutdown(1);
    recordBuild(ROOT, hash);
  } else {
    say("web", "production build is current (sources unchanged): starting it");
  }
  start("web", BIN("next"), ["start", "-p", String(port)], { NODE_ENV: "production", DEMO_MODE: "on" });
}
start("worker", BIN("tsx"), ["--import", "./scripts/allow-server-only.mjs", "jobs/worker.ts"]);

async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  say("demo", "stopping…");
  const exits = [...children.values()].map(
    (child) =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        try {
          process.kill(-child.pid!, "SIGTERM");
        } catch {
          resolve();
        }
      }),
  );
  const timer = setTimeout(() => {
    for (const child of children.values()) {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already gone
      }
    }
  }, 15_000);
  await Promise.all(exits);
  clearTimeout(timer);
  await mail.close();
  await intake.server?.stop();
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

// 6. Wait until the console answers, warm the login page, then say how to get in.
const base = `http://localhost:${port}`;
const deadline = Date.now() + (dev ? 240_000 : 60_000);
let healthy = false;
while (!healthy && !stopping && Date.now() < deadline) {
  try {
    const response = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(60_000) });
    healthy = response.ok;
    if (!healthy) say("demo", `health answered ${response.status}: ${await response.text()}`);
  } catch {
    // not listening yet
  }
  if (!healthy) await new Promise((r) => setTimeout(r, 1500));
}
if (!healthy) {
  say("demo", `the console did not answer on ${base}/api/health in time`);
  await shutdown(1);
}
await fetch(`${base}/login`, { signal: AbortSignal.timeout(120_000) }).catch(() => {});
say(
  "demo",
  [
    "",
    `\x1b[1mActenzo Onboarding Console is up: ${base}\x1b[0m`,
    "",
    "Demo logins (email / password):",
    formatDemoLogins(),
    "",
    `Lightspeed simulator: eu1 http://127.0.0.1:${simPorts.eu1}, us1 http://127.0.0.1:${simPorts.us1} (demo merchants' keys are registered)`,
    `Outgoing mail lands in ${path.relative(ROOT, mail.dir)}/ (SMTP on 127.0.0.1:${mail.port})`,
    intake.server
      ? `Access mailbox: ${intake.server.url.replace(/:[^:@/]*@/, ":…@")} (Dovecot); the worker reads it every ${Number(process.env.INTAKE_POLL_EVERY_MS) / 1000} s, unknown senders wait on ${base}/intake`
      : `Mailbox intake: off (${intake.reason})`,
    `Sign-up API: POST ${base}/api/signups with "Authorization: Bearer $SIGNUPS_API_TOKEN" (see ${path.relative(ROOT, envFile)})`,
    "Press Ctrl-C to stop everything.",
    "",
  ].join("\n"),
);
