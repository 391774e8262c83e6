import { env } from "@/lib/env";

/** The intake's settings from env, or null when INTAKE_IMAP_URL is unset (the intake is off). */
export type IntakeConfig = {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  password: string;
  startTls: "auto" | "required" | "off";
  verifyTls: boolean;
  folders: { inbox: string; processed: string; removed: string };
  secretRemoval: "delete" | "redact";
  /** Names the mailbox in intake_messages, so two mailboxes' UIDs never collide; no password. */
  mailboxKey: string;
};

export function intakeConfig(): IntakeConfig | null {
  if (!env.INTAKE_IMAP_URL) return null;
  const url = new URL(env.INTAKE_IMAP_URL);
  const secure = url.protocol === "imaps:";
  const host = url.hostname;
  const port = url.port ? Number(url.port) : secure ? 993 : 143;
  const user = decodeURIComponent(url.username);
  const inbox = env.INTAKE_INBOX_FOLDER;
  return {
    host,
    port,
    secure,
    user,
    password: decodeURIComponent(url.password),
    startTls: env.INTAKE_IMAP_STARTTLS,
    verifyTls: env.INTAKE_IMAP_TLS_VERIFY === "true",
    folders: { inbox, processed: env.INTAKE_PROCESSED_FOLDER, removed: env.INTAKE_REMOVED_FOLDER },
    secretRemoval: env.INTAKE_SECRET_REMOVAL,
    mailboxKey: `${user}@${host}:${port}/${inbox}`,
  };
}
