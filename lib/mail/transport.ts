import nodemailer from "nodemailer";
import { env } from "@/lib/env";
import { merchantReplyAddress } from "./reply-address";

let transport: nodemailer.Transporter | undefined;
let transportUrl: string | undefined;

/** The SMTP transport (SMTP_URL); tests point it at a loopback SMTP server. */
export function mailTransport() {
  if (!transport || transportUrl !== env.SMTP_URL) {
    transport = nodemailer.createTransport(env.SMTP_URL);
    transportUrl = env.SMTP_URL;
  }
  return transport;
}

/**
 * `merchantId`: a mail to a merchant. Its Reply-To is the access mailbox's plus address for that
 * merchant (access+<id>@…, INTAKE_REPLY_ADDRESS), so the intake matches the reply exactly.
 */
export type OutgoingMail = { to: string; subject: string; text: string; html?: string; merchantId?: string };

export async function sendMail({ merchantId, ...mail }: OutgoingMail) {
  const replyTo = merchantId ? merchantReplyAddress(merchantId, env.INTAKE_REPLY_ADDRESS) : null;
  await mailTransport().sendMail({ from: env.MAIL_FROM, ...(replyTo ? { replyTo } : {}), ...mail });
}
