import type { OutboxKind } from "@/db/vocabulary/reminders";

/** The two digests: the outbox kind each is sent under, and how /profile names it. */
export const DIGEST_KINDS = ["daily_digest", "weekly_digest"] as const satisfies readonly OutboxKind[];
export type DigestKind = (typeof DIGEST_KINDS)[number];

export const DIGEST_LABELS: Record<DigestKind, string> = {
  daily_digest: "Daily digest",
  weekly_digest: "Weekly lead digest",
};
