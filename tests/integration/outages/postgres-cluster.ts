import { spawn, spawnSync } from "node:child_process";
import { chownSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

const BIN = process.env.TEST_PG_BIN ?? "/usr/lib/postgresql/15/bin";

/**
 * A throwaway PostgreSQL cluster that a fault test may stop and start: `initdb` into a temp
 * folder owned by the `postgres` OS user (initdb refuses root), on a free loopback port, trust
 * auth, no fsync. `stop()` is a fast shutdown: open connections are cut, new ones refused.
 */
export async function startPostgresCluster() {
  const dir = mkdtempSync(path.join(tmpdir(), "pg-outage-"));
  const [uid, gid] = [id("-u"), id("-g")];
  chownSync(dir, uid, gid);
  const port = await freePort();
  asPostgres("initdb", ["-D", dir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
  // Asynchronous: the process under test keeps running (and sees its connections drop) meanwhile.
  const start = () =>
    asPostgresAsync("pg_ctl", [
      "-D",
      dir,
      "-o",
      options,
      "-l",
      path.join(dir, "server.log"),
      "-w",
      "-t",
      "30",
      "start",
    ]);
  const stop = (mode: "fast" | "immediate" = "fast") =>
    asPostgresAsync("pg_ctl", ["-D", dir, "-m", mode, "-w", "-t", "30", "stop"]);
  await start();
  return {
    port,
    /** `user`'s URL for database `name` on this cluster. */
    url: (user: string, name: string) => `postgres://${user}@127.0.0.1:${port}/${name}`,
    start,
    stop,
    async destroy() {
      spawnSync(
        "runuser",
        ["-u", "postgres", "--", path.join(BIN, "pg_ctl"), "-D", dir, "-m", "immediate", "-w", "stop"],
        { stdio: "ignore" },
      );
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type PostgresCluster = Awaited<ReturnType<typeof startPostgresCluster>>;

function asPostgres(binary: string, args: string[]) {
  const result = spawnSync("runuser", ["-u", "postgres", "--", path.join(BIN, binary), ...args], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${binary} failed (${result.status}): ${result.stderr || result.stdout}`);
}

function asPostgresAsync(binary: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("runuser", ["-u", "postgres", "--", path.join(BIN, binary), ...args], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${binary} failed (${code}): ${stderr}`))));
  });
}

function id(flag: "-u" | "-g") {
  return Number(spawnSync("id", [flag, "postgres"], { encoding: "utf8" }).stdout.trim());
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
