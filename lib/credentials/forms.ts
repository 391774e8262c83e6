import { z } from "zod";
import { textInput } from "@/lib/validation/text";
import { DEFAULT_AGENCY_TIME_ZONE, parseLocalDateTime, timeZoneSchema } from "@/lib/time";
import { RECEIVED_VIA_LABELS, STAFF_CHANNELS, type StaffChannel } from "@/lib/pipeline/received-via";

/**
 * FormData schemas for the workspace's credential forms. They only shape browser input (dates
 * without a zone, empty strings); the verbs validate the halves themselves. Pure, so client
 * components may import field names from here. The server action adds `timeZone` (the staff
 * member's zone); a "received at" is read in it, and empty means now.
 */
const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const merchantId = z.uuid("Unknown merchant");

export const RECEIVED_CHANNELS = {
  email: RECEIVED_VIA_LABELS.email,
  console: RECEIVED_VIA_LABELS.console,
} satisfies Record<StaffChannel, string>;

const halfFormBase = z.object({
  merchantId,
  key: textInput().optional(),
  secret: textInput().optional(),
  receivedAt: z.preprocess(emptyToUndefined, textInput().optional()),
  via: z.preprocess(emptyToUndefined, z.enum(STAFF_CHANNELS).default("email")),
  timeZone: timeZoneSchema.default(DEFAULT_AGENCY_TIME_ZONE),
});

function halfForm(field: "key" | "secret") {
  return halfFormBase.transform((v, ctx) => {
    const receivedAt = v.receivedAt === undefined ? undefined : parseLocalDateTime(v.receivedAt, v.timeZone);
    if (receivedAt === null) {
      ctx.addIssue({ code: "custom", path: ["receivedAt"], message: "Enter a date and time as dd-mm-yyyy hh:mm." });
      return z.NEVER;
    }
    return { merchantId: v.merchantId, via: v.via, receivedAt, value: v[field] ?? "" };
  });
}

export const recordKeyFormSchema = halfForm("key");
export const recordSecretFormSchema = halfForm("secret");

export const revealSecretFormSchema = z.object({
  merchantId,
  credentialId: z.uuid("Unknown credential"),
  reason: textInput().default(""),
});
export const createConnectLinkFormSchema = z.object({
  merchantId,
  emailMerchant: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
});
export const revokeConnectLinkFormSchema = z.object({ merchantId, linkId: z.uuid("Unknown link") });
