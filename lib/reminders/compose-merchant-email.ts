import { and, desc, eq } from "drizzle-orm";
import { db, type Tx } from "@/db/client";
import { merchants, merchantSteps, reminderWording, verificationRuns } from "@/db/schema";
import type { Step } from "@/lib/pipeline/steps";
import type { OutstandingStep } from "./email/reminder-email";
import { reminderLanguage } from "./email/copy";
import { renderReminder, type RenderedEmail } from "./email/render-reminder";
import { outstandingSteps } from "./outstanding-steps";

export type ComposedEmail = RenderedEmail & { to: string; steps: OutstandingStep[] };

/**
 * The reminder a merchant would get now: every outstanding merchant step, the missing half, the
 * checkboxes the latest full verification found unticked, in the shop's language with the stored
 * wording. Null when the merchant owes nothing. `links` are the signed page, snooze and
 * unsubscribe URLs (the preview passes placeholders and creates no link).
 */
export async function composeMerchantEmail(
  merchantId: string,
  links: (
    tx: Tx,
    steps: readonly OutstandingStep[],
  ) => Promise<{ pageUrl: string; snoozeUrl?: string; unsubscribeUrl?: string }>,
  tx?: Tx,
): Promise<ComposedEmail | null> {
  const run = async (t: Tx) => {
    const [merchant] = await t.select().from(merchants).where(eq(merchants.id, merchantId));
    if (!merchant) return null;
    const doneRows = await t
      .select({ stage: merchantSteps.stage })
      .from(merchantSteps)
      .where(eq(merchantSteps.merchantId, merchantId));
    const [lastRun] = await t
      .select({ verdict: verificationRuns.verdict, missing: verificationRuns.missing })
      .from(verificationRuns)
      .where(and(eq(verificationRuns.merchantId, merchantId), eq(verificationRuns.kind, "full")))
      .orderBy(desc(verificationRuns.createdAt))
      .limit(1);
    const steps = outstandingSteps({
      done: new Set<Step>(doneRows.map((r) => r.stage)),
      lastRunMissing: lastRun?.verdict === "incomplete_permissions" ? lastRun.missing : null,
    });
    if (!steps.length) return null;
    const language = reminderLanguage(merchant.language);
    const [wording] = await t.select().from(reminderWording).where(eq(reminderWording.language, language));
    const rendered = await renderReminder({
      shopLanguage: merchant.language,
      contactName: merchant.contactName,
      shopName: merchant.shopName,
      steps,
      wording,
      ...(await links(t, steps)),
    });
    return { ...rendered, to: merchant.contactEmail, steps };
  };
  return tx ? run(tx) : db.transaction(run);
}
