import { asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { auditLog, reminderPolicies, reminderWording } from "@/db/schema";
import { REMINDER_LANGUAGES } from "@/db/vocabulary/reminders";
import { actorId, authorize, type Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { STEPS } from "@/lib/pipeline/steps";
import { parseInput } from "@/lib/validation/parse-input";
import { REMINDER_COPY } from "./email/copy";

/**
 * The reminder policy per step and the wording per language, as leads and admins edit them on
 * /admin/reminders. Every change writes an audit row with the values before and after.
 */
const days = z.coerce.number().int().min(1, "At least 1 business day").max(30, "At most 30 business days");
const policySchema = z.object({
  stage: z.enum(STEPS),
  firstAfterDays: days,
  cadenceDays: z
    .string()
    .transform((v): unknown[] =>
      v
        .split(",")
        .map((d) => d.trim())
        .filter(Boolean),
    )
    .pipe(z.array(days).min(1, "Give at least one gap, e.g. 3,4").max(10)),
  maxCount: z.coerce.number().int().min(1, "At least 1 reminder").max(10, "At most 10 reminders"),
});
const wordingSchema = z.object({
  language: z.enum(REMINDER_LANGUAGES),
  intro: z.string().trim().max(1000, "At most 1000 characters"),
  closing: z.string().trim().max(1000, "At most 1000 characters"),
});

export async function listReminderSettings(actor: Actor) {
  authorize(actor, "reminders:manage");
  const [policies, wording] = await Promise.all([
    db.select().from(reminderPolicies).orderBy(asc(reminderPolicies.stage)),
    db.select().from(reminderWording),
  ]);
  return {
    policies,
    wording: REMINDER_LANGUAGES.map((language) => {
      const stored = wording.find((w) => w.language === language);
      return {
        language,
        intro: stored?.intro ?? "",
        closing: stored?.closing ?? "",
        defaults: { intro: REMINDER_COPY[language].intro, closing: REMINDER_COPY[language].closing },
      };
    }),
  };
}

export async function updateReminderPolicy(actor: Actor, input: unknown): Promise<void> {
  authorize(actor, "reminders:manage");
  const next = parseInput(policySchema, input);
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(reminderPolicies)
      .where(eq(reminderPolicies.stage, next.stage))
      .for("update");
    if (!before) throw new NotFoundError("Reminder policy");
    await tx
      .update(reminderPolicies)
      .set({ ...next, updatedBy: actorId(actor), updatedAt: sql`now()` })
      .where(eq(reminderPolicies.stage, next.stage));
    await tx.insert(auditLog).values({
      actorId: actorId(actor),
      action: "reminder_policy.updated",
      entityType: "reminder_policy",
      entityId: next.stage,
      details: {
        before: { firstAfterDays: before.firstAfterDays, cadenceDays: before.cadenceDays, maxCount: before.maxCount },
        after: { firstAfterDays: next.firstAfterDays, cadenceDays: next.cadenceDays, maxCount: next.maxCount },
      },
    });
  });
}

export async function updateReminderWording(actor: Actor, input: unknown): Promise<void> {
  authorize(actor, "reminders:manage");
  const next = parseInput(wordingSchema, input);
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(reminderWording).where(eq(reminderWording.language, next.language));
    const values = { intro: next.intro || null, closing: next.closing || null, updatedBy: actorId(actor) };
    await tx
      .insert(reminderWording)
      .values({ language: next.language, ...values })
      .onConflictDoUpdate({ target: reminderWording.language, set: { ...values, updatedAt: sql`now()` } });
    await tx.insert(auditLog).values({
      actorId: actorId(actor),
      action: "reminder_wording.updated",
      entityType: "reminder_wording",
      entityId: next.language,
      details: {
        before: { intro: before?.intro ?? null, closing: before?.closing ?? null },
        after: { intro: values.intro, closing: values.closing },
      },
    });
  });
}
