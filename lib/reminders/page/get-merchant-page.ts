import { and, desc, eq, isNull } from "drizzle-orm";
import { db } from "@/db/client";
import {
  connectLinks,
  merchantPageLinks,
  merchantReminderSettings,
  merchants,
  merchantSteps,
  verificationRuns,
} from "@/db/schema";
import { RateLimitedError } from "@/lib/errors";
import { linkState } from "@/lib/connect-links/link-state";
import { hashLinkToken } from "@/lib/connect-links/token";
import type { ReminderLanguage } from "@/db/vocabulary/reminders";
import { STEP_OWNERS } from "@/lib/pipeline/pipeline";
import { STEPS, type Step } from "@/lib/pipeline/steps";
import { reserveAttempt } from "@/lib/rate-limit/attempt-budget";
import { redisKey } from "@/lib/redis";
import { REMINDER_COPY, reminderLanguage, type ReminderStep } from "../email/copy";
import { outstandingSteps } from "../outstanding-steps";
import { MERCHANT_PAGE_COPY } from "./page-copy";
import { connectTokenFor } from "./page-link";
import { resolvePageLink } from "./resolve-page-link";

/** Page views per link and per client address, like the connect page's attempts. */
export const PAGE_VIEW_LIMITS = { perToken: 60, perIp: 120, windowSeconds: 3600 } as const;

export type MerchantPage = {
  shopName: string;
  /** The shop's language among the reminders' (English otherwise): every word on the page follows it. */
  language: ReminderLanguage;
  done: { stage: Step; label: string }[];
  waitingForYou: {
    step: ReminderStep;
    title: string;
    instructions: string[];
    missing: string | null;
    unticked: readonly string[];
  }[];
  waitingForUs: { stage: Step; label: string }[];
  /** The connect-link token for the embedded key form, when a key step is open and its link still works. */
  connectToken: string | null;
  snoozedUntil: Date | null;
  unsubscribed: boolean;
};

/** What the merchant's own page shows for a signed link; null for an unknown, expired or revoked one. */
export async function getMerchantPage(token: string, ip: string): Promise<MerchantPage | null> {
  const windowMs = PAGE_VIEW_LIMITS.windowSeconds * 1000;
  const reservation = await reserveAttempt([
    { key: redisKey("merchant-page", "ip", ip), limit: PAGE_VIEW_LIMITS.perIp, windowMs },
    { key: redisKey("merchant-page", "link", hashLinkToken(token)), limit: PAGE_VIEW_LIMITS.perToken, windowMs },
  ]);
  if (!reservation.granted) throw new RateLimitedError("Too many requests. Please wait a while and try again.", 3600);
  const link = await resolvePageLink(token);
  if (!link) return null;
  await db.update(merchantPageLinks).set({ lastOpenedAt: new Date() }).where(eq(merchantPageLinks.id, link.linkId));

  const [m] = await db
    .select({
      shopName: merchants.shopName,
      language: merchants.language,
      snoozedUntil: merchantReminderSettings.snoozedUntil,
      unsubscribedAt: merchantReminderSettings.unsubscribedAt,
    })
    .from(merchants)
    .leftJoin(merchantReminderSettings, eq(merchantReminderSettings.merchantId, merchants.id))
    .where(eq(merchants.id, link.merchantId));
  if (!m) return null;
  const done = new Set<Step>(
    (
      await db
        .select({ stage: merchantSteps.stage })
        .from(merchantSteps)
        .where(eq(merchantSteps.merchantId, link.merchantId))
    ).map((r) => r.stage),
  );
  const [lastRun] = await db
    .select({ verdict: verificationRuns.verdict, missing: verificationRuns.missing })
    .from(verificationRuns)
    .where(and(eq(verificationRuns.merchantId, link.merchantId), eq(verificationRuns.kind, "full")))
    .orderBy(desc(verificationRuns.createdAt))
    .limit(1);
  const open = outstandingSteps({
    done,
    lastRunMissing: lastRun?.verdict === "incomplete_permissions" ? lastRun.missing : null,
  });
  const language = reminderLanguage(m.language);
  const copy = REMINDER_COPY[language];
  const stepNames = MERCHANT_PAGE_COPY[language].steps;

  let connectToken: string | null = null;
  if (open.some((s) => s.step === "key_received" || s.step === "secret_received")) {
    const candidate = connectTokenFor(token);
    const [connect] = await db
      .select()
      .from(connectLinks)
      .where(and(eq(connectLinks.tokenHash, hashLinkToken(candidate)), isNull(connectLinks.revokedAt)));
    if (connect && linkState(connect) === "valid") connectToken = candidate;
  }
  const openSteps = new Set<string>(open.map((s) => s.step));
  return {
    shopName: m.shopName,
    language,
    done: STEPS.filter((s) => done.has(s)).map((stage) => ({ stage, label: stepNames[stage] })),
    waitingForYou: open.map((s) => ({
      step: s.step,
      title: copy.steps[s.step].title,
      instructions: copy.steps[s.step].instructions,
      missing: s.missingHalf === "key" ? copy.missingKey : s.missingHalf === "secret" ? copy.missingSecret : null,
      unticked: s.unticked ?? [],
    })),
    waitingForUs: STEPS.filter((s) => !done.has(s) && STEP_OWNERS[s] === "agency" && !openSteps.has(s)).map(
      (stage) => ({
        stage,
        label: stepNames[stage],
      }),
    ),
    connectToken,
    snoozedUntil: m.snoozedUntil,
    unsubscribed: !!m.unsubscribedAt,
  };
}
