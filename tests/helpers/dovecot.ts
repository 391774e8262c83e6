import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync, chmodSync, mkdirSync } from "node:fs";
import { createServer, connect } from "node:net";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";

/**
 * A throwaway Dovecot IMAP server on loopback (Debian's `dovecot-imapd`), for the intake tests,
 * the bench and the demo: its own config, passwd-file with one user, Maildir, base/state/log
 * dirs, all inside one temp dir, plaintext auth on 127.0.0.1 only (`ssl = no`). It runs as the
 * current user; as root (CI, this machine) it runs as the package's unprivileged `dovecot` user,
 * because Dovecot's login process refuses to run as root.
 */
export const DOVECOT_BINARY = "/usr/sbin/dovecot";

export type Dovecot = {
  /** imap://user:password@127.0.0.1:port, the shape INTAKE_IMAP_URL takes. */
  url: string;
  host: string;
  port: number;
  user: string;
  password: string;
  dir: string;
  /** Every message file in the user's Maildir, per folder ("INBOX", "Processed", …), raw. */
  maildirFiles: () => { folder: string; file: string }[];
  stop: () => Promise<void>;
};

export function dovecotInstalled(): boolean {
  return existsSync(DOVECOT_BINARY);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The account Dovecot runs as: ourselves, or `dovecot` when we are root. */
function runAs(): { name: string; group: string; uid: number; gid: number } {
  const me = userInfo();
  if (me.uid !== 0) {
    const group = execFileSync("id", ["-gn"], { encoding: "utf8" }).trim();
    return { name: me.username, group, uid: me.uid, gid: me.gid };
  }
  const [, , uid, gid] = execFileSync("getent", ["passwd", "dovecot"], { encoding: "utf8" }).trim().split(":");
  const group = execFileSync("id", ["-gn", "dovecot"], { encoding: "utf8" }).trim();
  return { name: "dovecot", group, uid: Number(uid), gid: Number(gid) };
}

function config(dir: string, port: number, who: ReturnType<typeof runAs>): string {
  return `
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/log/dovecot.log
info_log_path = ${dir}/log/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = ${who.name}
default_internal_group = ${who.group}
default_login_user = ${who.name}
first_valid_uid = ${who.uid}
first_valid_gid = ${who.gid}
mail_location = maildir:${dir}/mail/%u
mail_fsync = never
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${who.uid} gid=${who.gid} home=${dir}/mail/%u
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
namespace inbox {
  inbox = yes
}
`;
}

async function waitForPort(port: number, child: ChildProcess, logFile: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`dovecot exited (${child.exitCode}); see ${logFile}`);
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1");
      socket.once("data", (data) => {
        socket.destroy();
        resolve(String(data).startsWith("* OK"));
      });
      socket.once("error", () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`dovecot did not answer on ${port}; see ${logFile}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function startDovecot(options: { user?: string; password?: string } = {}): Promise<Dovecot> {
  if (!dovecotInstalled()) throw new Error(`${DOVECOT_BINARY} is missing: apt-get install dovecot-imapd`);
  const user = options.user ?? "access";
  const password = options.password ?? `pw${Math.random().toString(36).slice(2, 12)}`;
  const who = runAs();
  const dir = mkdtempSync(path.join(tmpdir(), "actenzo-dovecot-"));
  for (const sub of ["run", "state", "log", "mail"]) mkdirSync(path.join(dir, sub));
  const port = await freePort();
  writeFileSync(path.join(dir, "passwd"), `${user}:{PLAIN}${password}::::::\n`);
  writeFileSync(path.join(dir, "dovecot.conf"), config(dir, port, who));
  if (userInfo().uid === 0) {
    chmodSync(dir, 0o755);
    for (const entry of ["", "run", "state", "log", "mail", "passwd", "dovecot.conf"])
      chownSync(path.join(dir, entry), who.uid, who.gid);
  }
  // -F: stay in the foreground, so the child is the master and stop() ends exactly it.
  const child = spawn(DOVECOT_BINARY, ["-F", "-c", path.join(dir, "dovecot.conf")], {
    stdio: "ignore",
    ...(userInfo().uid === 0 ? { uid: who.uid, gid: who.gid } : {}),
  });
  const logFile = path.join(dir, "log", "dovecot.log");
  await waitForPort(port, child, logFile);

  const mailRoot = path.join(dir, "mail", user);
  return {
    url: `imap://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}`,
    host: "127.0.0.1",
    port,
    user,
    password,
    dir,
    maildirFiles: () => {
      if (!existsSync(mailRoot)) return [];
      const folders = [
        { folder: "INBOX", at: mailRoot },
        ...readdirSync(mailRoot)
          .filter((name) => name.startsWith("."))
          .map((name) => ({ folder: name.slice(1), at: path.join(mailRoot, name) })),
      ];
      return folders.flatMap(({ folder, at }) =>
        ["cur", "new", "tmp"].flatMap((sub) => {
          const where = path.join(at, sub);
          return existsSync(where) ? readdirSync(where).map((file) => ({ folder, file: path.join(where, file) })) : [];
        }),
      );
    },
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
