import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { lookupDb } from "@/db/client";
import { merchantEvents, staffUsers } from "@/db/schema";
import { authorize, type Actor } from "@/lib/auth/actor";
import { ValidationError } from "@/lib/errors";
import type { StaffRef, TimelinePage } from "./types";

export const TIMELINE_PAGE_SIZE = 25;
const MAX_PAGE_SIZE = 100;

/**
 * Keyset cursor "<created_at with microseconds, UTC>~<event id>". Events are ordered by time, not
 * id: history is sometimes written with backdated timestamps (imports, the demo seed), so ids
 * are only the tie-breaker. The timestamp keeps PostgreSQL's microseconds (a JS Date would
 * truncate them and skip events written in the same transaction at a page boundary).
 */
const cursorSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z~\d{1,18}$/)
  .transform((raw) => {
    const [at = "", id = "0"] = raw.split("~");
    return { at, id: Number(id) };
  })
  .refine((c) => !Number.isNaN(Date.parse(c.at)) && Number.isSafeInteger(c.id));

const cursorAt = sql<string>`to_char(${merchantEvents.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** A merchant's events and notes, newest first, with actor names, one page at a time. */
export async function listTimeline(
  actor: Actor,
  merchantId: string,
  options: { limit?: number; before?: string | null } = {},
): Promise<TimelinePage> {
  authorize(actor, "merchant:read");
  if (!z.uuid().safeParse(merchantId).success) return { events: [], nextCursor: null };
  const limit = Math.min(Math.max(1, Math.floor(options.limit ?? TIMELINE_PAGE_SIZE)), MAX_PAGE_SIZE);
  let olderThan: { at: string; id: number } | null = null;
  if (options.before) {
    const parsed = cursorSchema.safeParse(options.before);
    if (!parsed.success)
      throw new ValidationError("That timeline position is not valid.", { before: ["Invalid cursor"] });
    olderThan = parsed.data;
  }

  const rows = await lookupDb
    .select({
      id: merchantEvents.id,
      type: merchantEvents.type,
      stage: merchantEvents.stage,
      evidence: merchantEvents.evidence,
      note: merchantEvents.note,
      createdAt: merchantEvents.createdAt,
      cursorAt,
      actor: { id: staffUsers.id, name: staffUsers.name, email: staffUsers.email },
    })
    .from(merchantEvents)
    .leftJoin(staffUsers, eq(staffUsers.id, merchantEvents.actorId))
    .where(
      and(
        eq(merchantEvents.merchantId, merchantId),
        olderThan
          ? sql`(${merchantEvents.createdAt}, ${merchantEvents.id}) < (${olderThan.at}::timestamptz, ${olderThan.id})`
          : undefined,
      ),
    )
    // Served by merchant_events_merchant_created_idx (merchant_id, created_at desc).
    .orderBy(desc(merchantEvents.createdAt), desc(merchantEvents.id))
    .limit(limit + 1)
    // Prepared: the workspace reads the first page on every view (decision 0018).
    .prepare("timeline_page")
    .execute();

  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const assigneeOf = (r: { type: string; evidence: Record<string, unknown> | null }) =>
    r.type === "assigned" && typeof r.evidence?.to === "string" ? r.evidence.to : null;
  const assigneeIds = [
    ...new Set(page.map(assigneeOf).filter((id): id is string => id !== null && z.uuid().safeParse(id).success)),
  ];
  const names = new Map(
    assigneeIds.length
      ? (
          await lookupDb
            .select({ id: staffUsers.id, name: staffUsers.name })
            .from(staffUsers)
            .where(inArray(staffUsers.id, assigneeIds))
            .prepare("timeline_assignees")
            .execute()
        ).map((s) => [s.id, s.name])
      : [],
  );
  return {
    events: page.map(({ cursorAt: _cursor, ...r }) => {
      const assignee = assigneeOf(r);
      return {
        ...r,
        actor: (r.actor as StaffRef | null) ?? null,
        assignedTo: assignee ? (names.get(assignee) ?? "a former staff member") : null,
      };
    }),
    nextCursor: rows.length > limit && last ? `${last.cursorAt}~${last.id}` : null,
  };
}
