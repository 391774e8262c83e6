import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { Redis } from "ioredis";

/**
 * A throwaway redis-server on a free port, without persistence, for tests that restart Redis.
 * The shared Redis on 6379 is never touched.
 */
export async function startPrivateRedis() {
  const port = await freePort();
  let child: ChildProcess | undefined;

  async function start() {
    child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
      stdio: "ignore",
    });
    const probe = new Redis({
      port,
      host: "127.0.0.1",
      lazyConnect: true,
      retryStrategy: () => 50,
      maxRetriesPerRequest: null,
    });
    probe.on("error", () => {});
    await probe.connect().catch(() => {});
    await probe.ping();
    probe.disconnect();
  }

  /** SHUTDOWN NOSAVE: every key (queued jobs, schedulers) is gone, like a crash without persistence. */
  async function shutdown() {
    const exited = new Promise((resolve) => child?.once("exit", resolve));
    const client = new Redis({ port, host: "127.0.0.1", maxRetriesPerRequest: 1, retryStrategy: () => null });
    client.on("error", () => {});
    await client.call("SHUTDOWN", "NOSAVE").catch(() => {});
    client.disconnect();
    await exited;
  }

  await start();
  return {
    url: `redis://127.0.0.1:${port}/0`,
    start,
    shutdown,
    running: () => !!child && child.exitCode === null && child.signalCode === null,
    /** SIGSTOP: the port still accepts connections, nothing answers (a hung or swapping Redis). */
    freeze: () => child?.kill("SIGSTOP"),
    thaw: () => child?.kill("SIGCONT"),
    /** FLUSHALL on this private server only: Redis forgot every job and scheduler. */
    flush: async () => {
      const client = new Redis({ port, host: "127.0.0.1", maxRetriesPerRequest: 1 });
      client.on("error", () => {});
      await client.flushall();
      client.disconnect();
    },
    stop: async () => {
      child?.kill("SIGCONT");
      if (child && child.exitCode === null && child.signalCode === null) await shutdown();
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}
