import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const started = new Set<ChildProcess>();

export type SpawnedWorker = {
  child: ChildProcess;
  output: () => string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
};

/**
 * Starts `jobs/worker.ts` as its own process (what `npm run worker` runs), with this test's
 * database, Redis prefix and simulator. Node runs tsx as a loader in the same process, so a
 * SIGKILL really kills the worker (an `npx tsx` wrapper would leave its child running).
 */
export function spawnWorker(env: Record<string, string> = {}): SpawnedWorker {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--import", "./scripts/allow-server-only.mjs", "jobs/worker.ts"],
    {
      cwd: ROOT,
      env: { ...process.env, WORKER_SCHEDULERS: "off", WORKER_LOCK_DURATION_MS: "2000", LOG_LEVEL: "info", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  started.add(child);
  const chunks: string[] = [];
  child.stdout?.on("data", (d: Buffer) => chunks.push(d.toString()));
  child.stderr?.on("data", (d: Buffer) => chunks.push(d.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.on("exit", (code) => {
      started.delete(child);
      resolve(code);
    }),
  );
  return { child, output: () => chunks.join(""), exited };
}

/** Whatever a test did, no worker it started outlives the file. */
export function killWorkersAfterAll() {
  afterAll(() => {
    for (const child of started) child.kill("SIGKILL");
  });
}
