import { db, type Tx } from "@/db/client";
import type { OutstandingStep } from "./email/reminder-email";
import { reminderLanguage } from "./email/copy";
import { renderReminder, type RenderedEmail } from "./email/render-reminder";
import { loadComposeFacts, type ComposeFacts } from "./compose-facts";
import { outstandingSteps } from "./outstanding-steps";

export type ComposedEmail = RenderedEmail & { to: string; steps: OutstandingStep[] };
export type ReminderLinks = { pageUrl: string; snoozeUrl?: string; unsubscribeUrl?: string };

/** Every step the merchant still owes, from the loaded facts; empty when it owes nothing. */
export function stepsFromFacts(facts: ComposeFacts): OutstandingStep[] {
  return outstandingSteps({ done: new Set(facts.doneSteps), lastRunMissing: facts.lastRunMissing });
}

/**
 * The reminder from already loaded facts: every outstanding merchant step, the missing half, the
 * checkboxes the latest full verification found unticked, in the shop's language with the stored
 * wording. Null when the merchant owes nothing. `links` are the signed page, snooze and
 * unsubscribe URLs (the preview passes placeholders and creates no link).
 */
export async function composeFromFacts(
  facts: ComposeFacts,
  links: (steps: readonly OutstandingStep[]) => Promise<ReminderLinks>,
): Promise<ComposedEmail | null> {
  const steps = stepsFromFacts(facts);
  if (!steps.length) return null;
  const rendered = await renderReminder({
    shopLanguage: facts.shopLanguage,
    contactName: facts.contactName,
    shopName: facts.shopName,
    steps,
    wording: facts.wording?.[reminderLanguage(facts.shopLanguage)],
    ...(await links(steps)),
  });
  return { ...rendered, to: facts.contactEmail, steps };
}

/** The reminder a merchant would get now (the workspace preview), loading its facts first. */
export async function composeMerchantEmail(
  merchantId: string,
  links: (tx: Tx, steps: readonly OutstandingStep[]) => Promise<ReminderLinks>,
  tx?: Tx,
): Promise<ComposedEmail | null> {
  const run = async (t: Tx) => {
    const facts = await loadComposeFacts(merchantId, t);
    return facts && composeFromFacts(facts, (steps) => links(t, steps));
  };
  return tx ? run(tx) : db.transaction(run);
}
