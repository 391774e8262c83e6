import { randomBytes } from "node:crypto";
import { db } from "@/db/client";
import { merchants } from "@/db/schema";
import type { Owner, Step } from "@/lib/pipeline/steps";

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export type QueueMerchantSpec = {
  company: string;
  specialistId?: string | null;
  stage: Step | null;
  ball: Owner | null;
  waitingDays: number;
  activityHoursAgo: number;
  cluster?: "eu1" | "us1";
  onHold?: boolean;
  cancelled?: boolean;
  actionRequired?: string;
  shopName?: string;
  domain?: string;
  email?: string;
};

/**
 * Inserts queue rows directly, with exact timestamps and derived columns, so each filter and
 * sort can be checked against a known answer. (The onboarding factory covers the verb path.)
 */
export async function insertQueueMerchants(specs: QueueMerchantSpec[], now = Date.now()) {
  const rows = specs.map((s) => {
    const slug = `${s.company.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${randomBytes(3).toString("hex")}`;
    const domain = s.domain ?? `${slug}.nl`;
    return {
      company: s.company,
      shopName: s.shopName ?? `${s.company} shop`,
      shopDomain: domain,
      cluster: s.cluster ?? ("eu1" as const),
      language: "nl",
      country: s.cluster === "us1" ? "US" : "NL",
      contactName: "Test Contact",
      contactEmail: s.email ?? `info@${domain}`,
      specialistId: s.specialistId ?? null,
      currentStage: s.stage,
      ballInCourt: s.ball,
      merchantActionRequired: s.actionRequired ?? null,
      stageEnteredAt: new Date(now - s.waitingDays * DAY),
      // No events here: the Waiting anchor is the step entry while a clock runs (see waitingAnchor).
      waitingAnchorAt: s.onHold || s.cancelled || !s.stage ? null : new Date(now - s.waitingDays * DAY),
      onHold: s.onHold ?? false,
      holdReason: s.onHold ? "Merchant on holiday" : null,
      cancelledAt: s.cancelled ? new Date(now - HOUR) : null,
      cancelReason: s.cancelled ? "Stopped" : null,
      lastActivityAt: new Date(now - s.activityHoursAgo * HOUR),
      createdAt: new Date(now - (s.waitingDays + 1) * DAY),
    };
  });
  const inserted = await db.insert(merchants).values(rows).returning({ id: merchants.id, company: merchants.company });
  return Object.fromEntries(inserted.map((r) => [r.company, r.id])) as Record<string, string>;
}
