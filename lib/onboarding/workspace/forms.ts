import { z } from "zod";
import { textInput } from "@/lib/validation/text";
import { DEFAULT_AGENCY_TIME_ZONE, parseLocalDate, parseLocalDateTime, timeZoneSchema } from "@/lib/time";
import { stepSchema } from "@/lib/pipeline/pipeline";
import { NOTE_MAX_LENGTH } from "../note-limit";
import { RECEIVED_VIA_CHANNELS, RECEIVED_VIA_LABELS } from "@/lib/pipeline/received-via";
import type { Step } from "@/lib/pipeline/steps";

/**
 * The workspace forms' FormData schemas. Server actions parse with these (a ZodError becomes
 * field errors through runAction); the verbs validate again, so these only shape user input.
 * Pure: no database, importable by client components for field metadata.
 */
const merchantId = z.uuid("Unknown merchant");
const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalText = (max: number) =>
  z.preprocess(emptyToUndefined, textInput().trim().max(max, `At most ${max} characters`).optional());
const requiredText = (what: string, max: number) =>
  textInput(`${what} is required`)
    .trim()
    .min(3, `${what} is required (at least 3 characters)`)
    .max(max, `At most ${max} characters`);

/**
 * Browsers send `<input type="datetime-local">` / `type="date"` without a zone. The server action
 * adds `timeZone`, the signed-in staff member's zone (never a browser field), and dates are read
 * in it by lib/time (decision 0016).
 */
const timeZone = timeZoneSchema.default(DEFAULT_AGENCY_TIME_ZONE);

/** Evidence the console lets a specialist record per step (the pipeline's schemas are the truth). */
export type EvidenceField =
  | { name: "lightspeedUserEmail" | "feed"; label: string; kind: "text" | "email"; placeholder?: string }
  | { name: "fullPermissions"; label: string; kind: "checkbox" }
  | { name: "receivedAt"; label: string; kind: "datetime" }
  | { name: "via"; label: string; kind: "via" };

const received: EvidenceField[] = [
  { name: "receivedAt", label: "Received at (empty = now)", kind: "datetime" },
  { name: "via", label: "Received via", kind: "via" },
];
export const EVIDENCE_FIELDS: Partial<Record<Step, EvidenceField[]>> = {
  user_created: [
    {
      name: "lightspeedUserEmail",
      label: "Back-office user email",
      kind: "email",
      placeholder: "integrations@actenzo.test",
    },
  ],
  user_approved: [{ name: "fullPermissions", label: "Full permissions confirmed", kind: "checkbox" }],
  key_received: received,
  secret_received: received,
  live: [{ name: "feed", label: "Feed configured", kind: "text", placeholder: "e.g. Vivino promo" }],
};

export const RECEIVED_VIA = RECEIVED_VIA_LABELS;

export const completeStepFormSchema = z
  .object({
    merchantId,
    stage: stepSchema,
    note: optionalText(NOTE_MAX_LENGTH),
    timeZone,
    lightspeedUserEmail: z.preprocess(emptyToUndefined, z.email("Enter a valid email address").optional()),
    fullPermissions: z.preprocess(
      (v) => (v === undefined ? undefined : v === "on" || v === "true"),
      z.boolean().optional(),
    ),
    receivedAt: z.preprocess(emptyToUndefined, textInput().optional()),
    via: z.preprocess(emptyToUndefined, z.enum(RECEIVED_VIA_CHANNELS).optional()),
    feed: optionalText(200),
  })
  .superRefine((v, ctx) => {
    if (v.receivedAt === undefined) return;
    const at = parseLocalDateTime(v.receivedAt, v.timeZone);
    if (!at)
      ctx.addIssue({ code: "custom", path: ["receivedAt"], message: "Enter a date and time as dd-mm-yyyy hh:mm" });
    else if (at.getTime() > Date.now() + 5 * 60_000)
      ctx.addIssue({ code: "custom", path: ["receivedAt"], message: "Cannot be in the future" });
  })
  .transform((v) => {
    const allowed = new Set((EVIDENCE_FIELDS[v.stage] ?? []).map((f) => f.name));
    const candidates: Record<string, unknown> = {
      lightspeedUserEmail: v.lightspeedUserEmail,
      fullPermissions: v.fullPermissions,
      receivedAt: v.receivedAt === undefined ? undefined : parseLocalDateTime(v.receivedAt, v.timeZone)?.toISOString(),
      via: v.via,
      feed: v.feed,
    };
    const evidence = Object.fromEntries(
      Object.entries(candidates).filter(([k, val]) => allowed.has(k as EvidenceField["name"]) && val !== undefined),
    );
    return { merchantId: v.merchantId, stage: v.stage, note: v.note, evidence };
  });

export const undoStepFormSchema = z.object({ merchantId, stage: stepSchema, reason: requiredText("A reason", 1000) });

export const holdFormSchema = z
  .object({
    merchantId,
    reason: requiredText("A reason", 1000),
    until: z.preprocess(emptyToUndefined, textInput().optional()),
    timeZone,
  })
  .transform((v, ctx) => {
    if (v.until === undefined) return { merchantId: v.merchantId, reason: v.reason, until: null };
    // A hold "until 5 Dec" lasts through that whole day in the staff member's zone: it ends at
    // the next midnight there (a 23- or 25-hour day across a DST change is still one day).
    const until = parseLocalDate(v.until, v.timeZone)?.end ?? null;
    if (!until) ctx.addIssue({ code: "custom", path: ["until"], message: "Enter a date as dd-mm-yyyy" });
    else if (until.getTime() <= Date.now())
      ctx.addIssue({ code: "custom", path: ["until"], message: "Pick a date in the future" });
    return { merchantId: v.merchantId, reason: v.reason, until };
  });

export const resumeFormSchema = z.object({ merchantId, note: optionalText(NOTE_MAX_LENGTH) });
export const cancelFormSchema = z.object({ merchantId, reason: requiredText("A reason", 1000) });
export const noteFormSchema = z.object({
  merchantId,
  note: textInput("Write a note first")
    .trim()
    .min(1, "Write a note first")
    .max(NOTE_MAX_LENGTH, `At most ${NOTE_MAX_LENGTH} characters`),
});
export const clearActionFormSchema = z.object({ merchantId, note: optionalText(NOTE_MAX_LENGTH) });
export const requireActionFormSchema = z.object({
  merchantId,
  reason: requiredText("What the merchant must do", 1000),
});

/** Empty choice = unassign (leads/admins only; the verb checks). */
export const assignFormSchema = z.object({
  merchantId,
  specialistId: z.preprocess(emptyToUndefined, z.uuid("Pick a specialist").optional()).transform((v) => v ?? null),
});
export const claimFormSchema = z.object({ merchantId });
export const timelinePageSchema = z.object({ merchantId, before: textInput().min(1).max(100) });

/** FormData → plain object (the last value wins; the forms never send a field twice). */
export function formDataObject(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of formData.entries())
    if (typeof value === "string" && !key.startsWith("$ACTION")) out[key] = value;
  return out;
}
