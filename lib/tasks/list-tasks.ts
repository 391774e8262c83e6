import { and, asc, count, eq, isNull, or, type SQL } from "drizzle-orm";
import { db, lookupDb } from "@/db/client";
import { merchants, staffTasks } from "@/db/schema";
import type { TaskLevel } from "@/db/vocabulary/tasks";
import { authorize, type StaffActor } from "@/lib/auth/actor";
import type { Step } from "@/lib/pipeline/steps";
import { seesUnassignedTasks } from "./task-rules";

export type OpenTask = {
  id: string;
  merchantId: string;
  shopName: string;
  company: string;
  stage: Step;
  level: TaskLevel;
  assigneeId: string | null;
  createdAt: Date;
};

const openTaskColumns = {
  id: staffTasks.id,
  merchantId: staffTasks.merchantId,
  shopName: merchants.shopName,
  company: merchants.company,
  stage: staffTasks.stage,
  level: staffTasks.level,
  assigneeId: staffTasks.assigneeId,
  createdAt: staffTasks.createdAt,
};

function openTasks(where: SQL | undefined, runner: typeof db = db) {
  return runner
    .select(openTaskColumns)
    .from(staffTasks)
    .innerJoin(merchants, eq(merchants.id, staffTasks.merchantId))
    .where(and(isNull(staffTasks.doneAt), where))
    .orderBy(asc(staffTasks.createdAt), asc(staffTasks.id));
}

/** Whose open tasks a person works on: their own; a lead's or admin's also the unassigned ones. */
function visibleTo(actor: StaffActor): SQL | undefined {
  const own = eq(staffTasks.assigneeId, actor.id);
  return seesUnassignedTasks(actor) ? or(own, isNull(staffTasks.assigneeId)) : own;
}

/** The /tasks list: the actor's open tasks, oldest first. */
export async function listMyTasks(actor: StaffActor): Promise<OpenTask[]> {
  authorize(actor, "tasks:work");
  return openTasks(visibleTo(actor));
}

/** The navigation badge. */
export async function countMyOpenTasks(actor: StaffActor): Promise<number> {
  authorize(actor, "tasks:work");
  const [row] = await db
    .select({ n: count() })
    .from(staffTasks)
    .where(and(isNull(staffTasks.doneAt), visibleTo(actor)))
    // Named: the console layout reads it on every page (decision 0028); unnamed, postgres.js
    // describes it first, a second round trip per view.
    .prepare("count_my_open_tasks")
    .execute();
  return row?.n ?? 0;
}

/** The workspace banner: this merchant's open tasks (anyone who may read the merchant sees them). */
export async function listMerchantOpenTasks(actor: StaffActor, merchantId: string): Promise<OpenTask[]> {
  authorize(actor, "merchant:read");
  // Named: the workspace reads it on every view (decision 0028).
  return openTasks(eq(staffTasks.merchantId, merchantId), lookupDb).prepare("merchant_open_tasks").execute();
}

/**
 * For other domains (the staff digests): one person's open tasks, assigned to them by id. Callers
 * run as the system and authorize on their own side; unassigned lead tasks are `assigneeId: null`.
 */
export async function listOpenTasks(input: { assigneeId: string | null }): Promise<OpenTask[]> {
  return openTasks(
    input.assigneeId === null ? isNull(staffTasks.assigneeId) : eq(staffTasks.assigneeId, input.assigneeId),
  );
}
