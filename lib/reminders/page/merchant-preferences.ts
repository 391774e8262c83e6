import { sql } from "drizzle-orm";
import { z } from "zod";
import { db, type Tx } from "@/db/client";
import { merchantReminderSettings } from "@/db/schema";
import { systemActor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { recordMerchantEvent } from "@/lib/onboarding/record-merchant-event";
import { parseInput } from "@/lib/validation/parse-input";
import { resolvePageLink } from "./resolve-page-link";

const merchantActor = systemActor("merchant-page");
const MAX_SNOOZE_DAYS = 60;

const snoozeSchema = z.object({
  until: z.coerce
    .date({ error: "Choose a date" })
    .refine((d) => d.getTime() > Date.now(), "Choose a date after today")
    .refine((d) => d.getTime() < Date.now() + MAX_SNOOZE_DAYS * 86_400_000, `At most ${MAX_SNOOZE_DAYS} days ahead`),
});

async function withLink<T>(token: string, body: (tx: Tx, merchantId: string) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    const link = await resolvePageLink(token, tx);
    if (!link) throw new NotFoundError("Link");
    return body(tx, link.merchantId);
  });
}

/** "Remind me after <date>" from the merchant's own page (signed link): no reminder before that date. */
export async function snoozeReminders(token: string, input: { until: unknown }): Promise<{ until: Date }> {
  const { until } = parseInput(snoozeSchema, input);
  return withLink(token, async (tx, merchantId) => {
    await tx
      .insert(merchantReminderSettings)
      .values({ merchantId, snoozedUntil: until })
      .onConflictDoUpdate({
        target: merchantReminderSettings.merchantId,
        set: { snoozedUntil: until, updatedAt: sql`now()` },
      });
    await recordMerchantEvent(tx, {
      merchantId,
      actor: merchantActor,
      type: "reminder",
      evidence: { action: "snoozed", until: until.toISOString() },
    });
    return { until };
  });
}

/** Unsubscribe from reminders (signed link); staff still see the merchant as stalled and can call. */
export async function unsubscribeReminders(token: string): Promise<void> {
  await withLink(token, async (tx, merchantId) => {
    const changed = await tx
      .insert(merchantReminderSettings)
      .values({ merchantId, unsubscribedAt: new Date() })
      .onConflictDoUpdate({
        target: merchantReminderSettings.merchantId,
        set: {
          unsubscribedAt: sql`coalesce(${merchantReminderSettings.unsubscribedAt}, now())`,
          updatedAt: sql`now()`,
        },
      })
      .returning({ at: merchantReminderSettings.unsubscribedAt });
    if (!changed.length) return;
    await recordMerchantEvent(tx, {
      merchantId,
      actor: merchantActor,
      type: "reminder",
      evidence: { action: "unsubscribed" },
    });
  });
}
