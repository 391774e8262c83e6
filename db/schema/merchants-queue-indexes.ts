import { sql } from "drizzle-orm";
import { index, type ExtraConfigColumn } from "drizzle-orm/pg-core";

type QueueColumns = Record<
  | "id"
  | "company"
  | "shopName"
  | "shopDomain"
  | "contactEmail"
  | "cluster"
  | "specialistId"
  | "currentStage"
  | "ballInCourt"
  | "waitingAnchorAt"
  | "onHold"
  | "cancelledAt"
  | "lastActivityAt",
  ExtraConfigColumn
>;

/**
 * Indexes for the onboarding queue (lib/work-queue/list-work-queue.ts) at 100,000 merchants; figures in
 * tests/bench/queue.ts. The queue hides cancelled merchants unless asked, so the b-trees are
 * partial on `cancelled_at is null`; each ends in `id`, the queue's tie-breaker, so an ordered
 * page is read straight off the index in either direction (ORDER BY x, id LIMIT n).
 */
export const queueIndexes = (t: QueueColumns) => {
  const active = sql`${t.cancelledAt} is null`;
  return [
    // A specialist's view sorted by Waiting (business time, as its anchor instant; and its count).
    index("merchants_queue_specialist_waiting_idx").on(t.specialistId, t.waitingAnchorAt, t.id).where(active),
    // Any view sorted by Waiting, e.g. ball = merchant + step filter, longest waiting first.
    index("merchants_queue_waiting_idx").on(t.waitingAnchorAt, t.id).where(active),
    // A specialist's step counts (the step filter's figures), searched or not, read off the index
    // alone: the search columns ride along so a search's ILIKE never visits the table's pages.
    index("merchants_queue_specialist_stage_idx")
      .on(t.specialistId, t.currentStage, t.company, t.shopDomain, t.contactEmail)
      .where(active),
    // Counts of the ball + step views (bitmap/index-only scan instead of a full scan).
    index("merchants_queue_ball_stage_idx").on(t.ballInCourt, t.currentStage).where(active),
    // Leads' overview sorted by last activity, paged deep.
    index("merchants_queue_activity_idx").on(t.lastActivityAt, t.id).where(active),
    // Broad views sorted by company or shop name (otherwise a top-N sort of every active merchant).
    index("merchants_queue_company_idx").on(t.company, t.id).where(active),
    index("merchants_queue_shop_name_idx").on(t.shopName, t.id).where(active),
    // The on-hold list (few rows) by cluster, sorted by company.
    index("merchants_queue_on_hold_idx")
      .on(t.cluster, t.company, t.id)
      .where(sql`${t.onHold} and ${t.cancelledAt} is null`),
    // Search: `ilike '%fragment%'` over company, shop domain and contact email (pg_trgm, BitmapOr).
    index("merchants_company_trgm_idx").using("gin", t.company.op("gin_trgm_ops")),
    index("merchants_shop_domain_trgm_idx").using("gin", t.shopDomain.op("gin_trgm_ops")),
    index("merchants_contact_email_trgm_idx").using("gin", t.contactEmail.op("gin_trgm_ops")),
  ];
};
