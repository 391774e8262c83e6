import { ImapFlow } from "imapflow";
import type { IntakeConfig } from "./intake-config";

/**
 * A connected IMAP client for the access mailbox, with the processed and removed folders created
 * if missing. imapflow's own logger is off: it would print message bodies at debug level.
 */
export async function openIntakeConnection(config: IntakeConfig): Promise<ImapFlow> {
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
    disableAutoIdle: true,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 60_000,
  });
  // An error after connect (the server went away) is reported by the next command that fails.
  client.on("error", () => {});
  await client.connect();
  const existing = new Set((await client.list()).map((m) => m.path));
  for (const folder of [config.folders.processed, config.folders.removed])
    if (!existing.has(folder)) await client.mailboxCreate(folder).catch(() => {});
  return client;
}
