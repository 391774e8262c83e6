import nodemailer from "nodemailer";
import { env } from "@/lib/env";

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

export type OutgoingMail = { to: string; subject: string; text: string; html?: string };

export async function sendMail(mail: OutgoingMail) {
  await mailTransport().sendMail({ from: env.MAIL_FROM, ...mail });
}
