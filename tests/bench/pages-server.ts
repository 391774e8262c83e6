import { spawn, type ChildProcess } from "node:child_process";
import { openSync, readdirSync, readFileSync } from "node:fs";
import { connect, createServer, type Server } from "node:net";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");

export function buildApp(env: Record<string, string>) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [NEXT_BIN, "build"], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: "inherit",
    });
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build exited ${code}`))));
  });
}

/** `next start` in its own process group, so stopping it also stops whatever it spawned; `nodeArgs` go to node (e.g. --cpu-prof). */
export async function startApp(port: number, env: Record<string, string>, logFile: string, nodeArgs: string[] = []) {
  const log = openSync(logFile, "a");
  const server = spawn(process.execPath, [...nodeArgs, NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ["ignore", log, log],
  });
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited:\n${readFileSync(logFile, "utf8").slice(-2000)}`);
    const response = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null);
    if (response?.ok) return server;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stopApp(server);
  throw new Error(`next start did not answer within 90 s:\n${readFileSync(logFile, "utf8").slice(-2000)}`);
}

export async function stopApp(server: ChildProcess) {
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

/**
 * CPU time (user + system, ms) used so far by the server's process group, from /proc. Divided by
 * the requests served, it is the work per page view, which other load on a shared machine hardly
 * changes (wall-clock latency does). Linux only; NaN elsewhere.
 */
export function serverCpuMs(server: ChildProcess): number {
  if (!server.pid) return NaN;
  return processesCpuMs((name, processGroup) => processGroup === server.pid);
}

/**
 * CPU time (ms) used so far by every PostgreSQL process on the machine (backends, and the
 * background workers a page's writes wake): the database's share of a page view, which the
 * statements' own timings leave out (parsing, planning, the protocol).
 */
export const postgresCpuMs = () => processesCpuMs((name) => name === "postgres");

function processesCpuMs(counts: (name: string, processGroup: number) => boolean): number {
  let ticks = 0;
  try {
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      } catch {
        continue; // Exited meanwhile.
      }
      // pid (name) state ppid pgrp … utime(14) stime(15), 1-based overall.
      const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (counts(name, Number(fields[2]))) ticks += Number(fields[11]) + Number(fields[12]);
    }
  } catch {
    return NaN;
  }
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** USER_HZ: 100 on every Linux build the bench runs on (getconf CLK_TCK). */
const CLOCK_TICKS_PER_SECOND = 100;

/**
 * What the reverse proxy in front of production does with several web processes (decision 0039):
 * spreads connections over them, round robin. A TCP pipe, so every request and byte reaches a
 * `next start` unchanged; its own CPU (a few % of the servers') is this bench process's.
 */
export function roundRobinProxy(port: number, backends: number[]): Promise<Server> {
  let next = 0;
  const proxy = createServer((client) => {
    const backend = connect(backends[next++ % backends.length]!, "127.0.0.1");
    // No Nagle: a response's last small segment would otherwise wait for the peer's delayed ACK.
    client.setNoDelay(true);
    backend.setNoDelay(true);
    client.pipe(backend).pipe(client);
    client.on("error", () => backend.destroy());
    backend.on("error", () => client.destroy());
  });
  return new Promise((resolve, reject) => {
    proxy.once("error", reject);
    proxy.listen(port, "127.0.0.1", () => resolve(proxy));
  });
}
