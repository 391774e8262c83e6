import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { authorize, type Actor } from "@/lib/auth/actor";
import { env } from "@/lib/env";
import { NotFoundError } from "@/lib/errors";

export type CapturedMail = {
  file: string;
  receivedAt: Date;
  to: string;
  subject: string;
  text: string;
  messageId: string | null;
};

/** The dev mail view exists only in development and in the demo (never in a real deployment). */
export function devMailEnabled(): boolean {
  return env.NODE_ENV === "development" || env.DEMO_MODE === "on";
}

/**
 * The newest messages the local mail sink captured (.eml files in DEV_MAIL_DIR), parsed for the
 * admin's view. mailparser is a development dependency, loaded only here and only when enabled.
 */
export async function listCapturedMail(actor: Actor, options: { limit?: number } = {}): Promise<CapturedMail[]> {
  authorize(actor, "dev-mail:read");
  if (!devMailEnabled()) throw new NotFoundError("Page");
  const dir = path.resolve(env.DEV_MAIL_DIR);
  const files = await readdir(dir).catch(() => [] as string[]);
  const newest = files
    .filter((f) => f.endsWith(".eml"))
    .sort()
    .reverse()
    .slice(0, Math.min(options.limit ?? 50, 200));
  const { simpleParser } = await import("mailparser");
  return Promise.all(
    newest.map(async (file) => {
      const mail = await simpleParser(await readFile(path.join(dir, file)));
      return {
        file,
        receivedAt: mail.date ?? new Date(0),
        to: mail.to ? (Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(", ") : mail.to.text) : "",
        subject: mail.subject ?? "",
        text: mail.text ?? "",
        messageId: mail.messageId ?? null,
      };
    }),
  );
}
