import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { Redis } from "ioredis";
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "@/db/migrate-database";
import { ADMIN_DB_URL, TEST_ENV, databaseUrl, newRunId, ownerDatabaseUrl } from "@/tests/helpers/test-env";
import { E2E_BASE_URL, E2E_PORT, E2E_USERS, type E2eContext } from "./helpers";
import { startSmtpSink } from "@/tests/helpers/smtp-sink";

const ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * Browser-test harness: a fresh database `e2e_<run>` (migrated, seeded with one user per role),
 * a unique Redis prefix, a loopback SMTP inbox, and the built app under `next start -p 3100`.
 * Tests get the server's env through `inject("e2e")` (see helpers.ts). Everything is torn down
 * at the end: the server's process group is killed and the database dropped.
 *
 * Extra services (e.g. the Lightspeed simulator): add `tests/e2e/services.ts` exporting
 * `startServices(): Promise<{ env: Record<string, string>; stop(): Promise<void> }>`; its env is
 * passed to the server and the tests.
 */
export default async function setup(project: TestProject) {
  const runId = newRunId();
  const dbName = `e2e_${runId}`;
  const workDir = mkdtempSync(path.join(tmpdir(), `e2e-${runId}-`));
  const mailDir = path.join(workDir, "mail");
  const cleanups: Array<() => Promise<void>> = [];
  const teardown = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error) => console.warn("e2e teardown:", error));
  };

  try {
    await assertPortFree();
    const smtp = await startMailCatcher(mailDir);
    cleanups.push(smtp.close);

    const env: Record<string, string> = {
      ...TEST_ENV,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl(dbName),
      DATABASE_OWNER_URL: ownerDatabaseUrl(dbName),
      REDIS_URL: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379/0",
      REDIS_PREFIX: `e2e:${runId}`,
      NEXTAUTH_URL: E2E_BASE_URL,
      APP_URL: E2E_BASE_URL,
      SMTP_URL: smtp.url,
      // /admin/mail (development and demo only) reads what the catcher keeps.
      DEMO_MODE: "on",
      DEV_MAIL_DIR: `${mailDir}-eml`,
      LOG_LEVEL: "warn",
      NEXT_TELEMETRY_DISABLED: "1",
    };
    cleanups.push(() => dropDatabase(dbName));
    cleanups.push(() => deleteRedisKeys(env.REDIS_URL!, `${env.REDIS_PREFIX}:*`));
    await migrateDatabase(env.DATABASE_OWNER_URL!, { createIfMissing: true });

    const servicesFile = path.join(import.meta.dirname, "services.ts");
    if (existsSync(servicesFile)) {
      const { startServices } = (await import(servicesFile)) as {
        startServices: () => Promise<{ env: Record<string, string>; stop: () => Promise<void> }>;
      };
      const services = await startServices();
      cleanups.push(services.stop);
      Object.assign(env, services.env);
    }

    await seedStaff(env);
    ensureBuilt(env);
    const server = startServer(env, path.join(workDir, "server.log"));
    cleanups.push(() => stopServer(server));
    await waitForHealthy(server, path.join(workDir, "server.log"));

    project.provide("e2e", { baseUrl: E2E_BASE_URL, env, mailDir } satisfies E2eContext);
    cleanups.push(async () => rmSync(workDir, { recursive: true, force: true }));
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}

async function assertPortFree() {
  const answer = await fetch(`${E2E_BASE_URL}/api/health`).catch(() => null);
  if (answer) throw new Error(`Port ${E2E_PORT} is already in use; stop whatever runs there before the browser tests.`);
}

/** Seeds the fixed accounts through the same verb the bootstrap CLI uses. */
async function seedStaff(env: Record<string, string>) {
  const overrides = { ...env, NODE_ENV: "test" };
  const saved = Object.fromEntries(Object.keys(overrides).map((k) => [k, process.env[k]]));
  Object.assign(process.env, overrides);
  const { resetEnvCache } = await import("@/lib/env");
  resetEnvCache();
  const { createStaffUser } = await import("@/lib/staff/create-staff-user");
  const { closeDb } = await import("@/db/client");
  try {
    for (const [role, user] of Object.entries(E2E_USERS)) {
      await createStaffUser({ ...user, role: role as keyof typeof E2E_USERS }, { via: "e2e-seed" });
    }
  } finally {
    await closeDb();
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    resetEnvCache();
  }
}

function ensureBuilt(env: Record<string, string>) {
  if (existsSync(path.join(ROOT, ".next", "BUILD_ID"))) return;
  console.log("e2e: no build found, running `next build` …");
  const result = spawnSync(process.execPath, [nextBin(), "build"], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error("next build failed");
}

function nextBin() {
  return path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
}

function startServer(env: Record<string, string>, logFile: string): ChildProcess {
  const log = openSync(logFile, "a");
  // detached: its own process group, so teardown can kill next and everything it spawned.
  return spawn(process.execPath, [nextBin(), "start", "-p", String(E2E_PORT)], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ["ignore", log, log],
  });
}

async function waitForHealthy(server: ChildProcess, logFile: string, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited (${server.exitCode}):\n${tail(logFile)}`);
    const response = await fetch(`${E2E_BASE_URL}/api/health`).catch(() => null);
    if (response?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The app did not become healthy within ${timeoutMs / 1000}s:\n${tail(logFile)}`);
}

async function stopServer(server: ChildProcess) {
  if (server.exitCode !== null || !server.pid) return;
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  process.kill(-server.pid, "SIGTERM");
  const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 5_000));
  if ((await Promise.race([exited, timeout])) === "timeout") {
    try {
      process.kill(-server.pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
}

function tail(file: string, lines = 40) {
  return existsSync(file) ? readFileSync(file, "utf8").split("\n").slice(-lines).join("\n") : "(no server log)";
}

async function dropDatabase(name: string) {
  const admin = postgres(ADMIN_DB_URL, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
  } finally {
    await admin.end();
  }
}

async function deleteRedisKeys(url: string, pattern: string) {
  const redis = new Redis(url);
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
}

/** The SMTP sink writing each received mail to `dir` as JSON, for the browser tests to read. */
async function startMailCatcher(dir: string) {
  mkdirSync(dir, { recursive: true });
  mkdirSync(`${dir}-eml`, { recursive: true });
  let count = 0;
  return startSmtpSink({
    onMail: ({ mail, raw }) => {
      const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(", ") : (mail.to?.text ?? "");
      const name = String(++count).padStart(5, "0");
      writeFileSync(
        path.join(dir, `${name}.json`),
        JSON.stringify({ to, subject: mail.subject ?? "", text: mail.text ?? "" }),
      );
      // The raw message too, as the dev mail sink keeps it: /admin/mail reads these (DEV_MAIL_DIR).
      writeFileSync(path.join(`${dir}-eml`, `${name}.eml`), raw);
    },
  });
}
