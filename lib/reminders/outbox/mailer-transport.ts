import nodemailer from "nodemailer";
import { env } from "@/lib/env";

let transport: nodemailer.Transporter | undefined;
let transportUrl: string | undefined;

/**
 * The mailer's own pooled SMTP transport (SMTP_URL): a few long-lived connections instead of one
 * per email, which the reminder volume needs. Timeouts stay well under MAIL_LEASE_MS's default,
 * so a hung server fails the attempt before another worker may take the email over.
 */
export function mailerTransport(): nodemailer.Transporter {
  if (!transport || transportUrl !== env.SMTP_URL) {
    transport?.close();
    transport = nodemailer.createTransport({
      url: env.SMTP_URL,
      pool: true,
      maxConnections: 5,
      connectionTimeout: 30_000,
      greetingTimeout: 30_000,
      socketTimeout: 60_000,
    } as Parameters<typeof nodemailer.createTransport>[0]);
    transportUrl = env.SMTP_URL;
  }
  return transport;
}
