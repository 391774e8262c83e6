import { ImapFlow } from "imapflow";
import type { IntakeConfig } from "./intake-config";

/**
 * An IMAP client for the access mailbox, not yet connected. imapflow's own logger is off: it would
 * print message bodies at debug level. `idle` is for the long-lived watcher (watch-mailbox.ts):
 * imapflow IDLEs by itself once the connection is quiet for a second, restarts IDLE every minute
 * (the traffic keeps NATs and the socket watchdog content), and reports new mail as `exists`.
 */
export function intakeClient(config: IntakeConfig, options: { idle?: boolean } = {}): ImapFlow {
  const client = new ImapFlow({
    host: config.host,
    port: config.port,
    secure: config.secure,
    doSTARTTLS: config.secure
      ? undefined
      : config.startTls === "off"
        ? false
        : config.startTls === "required"
          ? true
          : undefined,
    tls: { rejectUnauthorized: config.verifyTls },
    auth: { user: config.user, pass: config.password },
    logger: false,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    ...(options.idle
      ? { disableAutoIdle: false, autoIdleDelay: 1_000, maxIdleTime: 60_000, socketTimeout: 5 * 60_000 }
      : { disableAutoIdle: true, socketTimeout: 60_000 }),
  });
  // An error after connect (the server went away) is reported by the next command that fails,
  // or, for the watcher, by the connection's `close` event.
  client.on("error", () => {});
  return client;
}

/** A connected client for one poll, with the processed and removed folders created if missing. */
export async function openIntakeConnection(config: IntakeConfig): Promise<ImapFlow> {
  const client = intakeClient(config);
  await client.connect();
  const existing = new Set((await client.list()).map((m) => m.path));
  for (const folder of [config.folders.processed, config.folders.removed])
    if (!existing.has(folder)) await client.mailboxCreate(folder).catch(() => {});
  return client;
}
