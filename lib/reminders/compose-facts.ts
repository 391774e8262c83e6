import { eq, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { db, type Tx } from "@/db/client";
import { merchants } from "@/db/schema";
import type { Step } from "@/lib/pipeline/steps";

/**
 * Everything the reminder email and the send check need to know about one merchant, as one
 * selection: the mailer reads it in the very statement that claims the email (one round trip
 * instead of seven), the workspace preview reads it on its own. The subqueries are per merchant
 * and indexed (merchant_steps and verification_runs by merchant; reminder_wording has 4 rows).
 */
export function composeFactsSelection(merchantId: AnyPgColumn | SQL) {
  return {
    contactEmail: merchants.contactEmail,
    contactName: merchants.contactName,
    shopName: merchants.shopName,
    shopLanguage: merchants.language,
    cancelledAt: merchants.cancelledAt,
    onHold: merchants.onHold,
    holdUntil: merchants.holdUntil,
    currentStage: merchants.currentStage,
    ballInCourt: merchants.ballInCourt,
    snoozedUntil: sql<
      string | null
    >`(select snoozed_until from merchant_reminder_settings where merchant_id = ${merchantId})`,
    unsubscribed: sql<boolean>`exists (select 1 from merchant_reminder_settings where merchant_id = ${merchantId} and unsubscribed_at is not null)`,
    platformIncidentOpen: sql<boolean>`exists (select 1 from platform_incidents where closed_at is null)`,
    doneSteps: sql<Step[]>`array(select stage::text from merchant_steps where merchant_id = ${merchantId})`,
    lastRunMissing: sql<string[] | null>`(select case when verdict = 'incomplete_permissions' then missing end
      from verification_runs where merchant_id = ${merchantId} and kind = 'full' order by created_at desc limit 1)`,
    wording: sql<Record<string, { intro: string | null; closing: string | null }> | null>`(select
      json_object_agg(language, json_build_object('intro', intro, 'closing', closing)) from reminder_wording)`,
  };
}

export type ComposeFacts = {
  contactEmail: string;
  contactName: string;
  shopName: string;
  shopLanguage: string | null;
  cancelledAt: Date | null;
  onHold: boolean;
  holdUntil: Date | null;
  currentStage: Step | null;
  ballInCourt: string | null;
  snoozedUntil: Date | null;
  unsubscribed: boolean;
  platformIncidentOpen: boolean;
  doneSteps: Step[];
  lastRunMissing: string[] | null;
  wording: Record<string, { intro: string | null; closing: string | null }> | null;
};

/** The drizzle-wrapped client leaves timestamps selected through `sql` as strings. */
export function toComposeFacts(selected: Omit<ComposeFacts, "snoozedUntil"> & { snoozedUntil: unknown }): ComposeFacts {
  const s = selected.snoozedUntil;
  return { ...selected, snoozedUntil: s === null || s === undefined ? null : new Date(s as string) };
}

export async function loadComposeFacts(
  merchantId: string,
  reader: Pick<Tx, "select"> = db,
): Promise<ComposeFacts | null> {
  const [row] = await reader
    .select(composeFactsSelection(sql`${merchantId}::uuid`))
    .from(merchants)
    .where(eq(merchants.id, merchantId))
    // Named: the workspace's reminder card reads it on every view (decision 0028).
    .prepare("compose_facts")
    .execute();
  return row ? toComposeFacts(row) : null;
}
