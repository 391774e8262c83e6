import { z } from "zod";
import { RECEIVED_VIA_LABELS, STAFF_CHANNELS, type StaffChannel } from "@/lib/onboarding/received-via";

/**
 * FormData schemas for the workspace's credential forms. They only shape browser input (dates
 * without a zone, empty strings); the verbs validate the halves themselves. Pure, so client
 * components may import field names from here.
 */
const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const merchantId = z.uuid("Unknown merchant");
const tzOffset = z.preprocess(emptyToUndefined, z.coerce.number().int().min(-900).max(900).default(0));

/** `<input type="datetime-local">` sends no zone; the form adds the browser's offset in minutes. */
export function localDateTime(local: string, offsetMinutes: number): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi));
  return Number.isNaN(utc) ? null : new Date(utc + offsetMinutes * 60_000);
}

export const RECEIVED_CHANNELS = { email: RECEIVED_VIA_LABELS.email, console: RECEIVED_VIA_LABELS.console } satisfies Record<StaffChannel, string>;

const halfFormBase = z.object({
  merchantId,
  key: z.string().optional(),
  secret: z.string().optional(),
  receivedAt: z.preprocess(emptyToUndefined, z.string().optional()),
  via: z.preprocess(emptyToUndefined, z.enum(STAFF_CHANNELS).default("email")),
  tzOffset,
});

function halfForm(field: "key" | "secret") {
  return halfFormBase.transform((v, ctx) => {
    const receivedAt = v.receivedAt === undefined ? undefined : localDateTime(v.receivedAt, v.tzOffset);
    if (receivedAt === null) {
      ctx.addIssue({ code: "custom", path: ["receivedAt"], message: "Enter a date and time." });
      return z.NEVER;
    }
    return { merchantId: v.merchantId, via: v.via, receivedAt, value: v[field] ?? "" };
  });
}

export const recordKeyFormSchema = halfForm("key");
export const recordSecretFormSchema = halfForm("secret");

export const revealSecretFormSchema = z.object({ merchantId, credentialId: z.uuid("Unknown credential"), reason: z.string().default("") });
export const createConnectLinkFormSchema = z.object({
  merchantId,
  emailMerchant: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
});
export const revokeConnectLinkFormSchema = z.object({ merchantId, linkId: z.uuid("Unknown link") });
