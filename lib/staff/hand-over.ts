import { and, asc, count, eq, inArray, isNotNull, isNull, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { merchantEvents, merchants, staffUsers } from "@/db/schema";
import { actorId, type StaffActor } from "@/lib/auth/actor";
import { RuleViolationError } from "@/lib/errors";
import { planSpreadByLoad } from "./hand-over-plan";
import { staffIdSchema } from "./schemas";

/** Where a departing colleague's open merchants go: one named person, or spread by load. */
export const handOverSchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("person"), toStaffId: staffIdSchema }),
  z.object({ mode: z.literal("spread") }),
]);
export type HandOver = z.infer<typeof handOverSchema>;

/** Open: still being onboarded (not live yet, not cancelled). */
export const isOpenMerchant = and(isNull(merchants.cancelledAt), isNotNull(merchants.currentStage));

export type HandOverSummary = { merchants: number; to: { staffId: string; merchants: number }[] };

/**
 * Moves every open merchant of `fromId` inside the caller's transaction (the deactivation), with
 * an `assigned` timeline entry per merchant. Locks the receivers (share) before the merchants,
 * the same order as assignMerchants, so the two cannot deadlock.
 */
export async function handOverOpenMerchants(
  tx: Tx,
  actor: StaffActor,
  fromId: string,
  handOver: HandOver | undefined,
  fromName: string,
): Promise<HandOverSummary | null> {
  const receivers = handOver ? await lockReceivers(tx, fromId, handOver) : [];
  const open = await tx
    .select({ id: merchants.id })
    .from(merchants)
    .where(and(eq(merchants.specialistId, fromId), isOpenMerchant))
    .orderBy(asc(merchants.id))
    .for("update");
  if (open.length === 0) return null;
  if (!handOver)
    throw new RuleViolationError(
      `${fromName} has ${open.length} open merchant${open.length === 1 ? "" : "s"}; choose who takes them over.`,
    );

  const plan = planSpreadByLoad(
    open.map((m) => m.id),
    receivers,
  );
  const now = new Date();
  const byReceiver = new Map<string, string[]>();
  for (const [merchantId, to] of plan) byReceiver.set(to, [...(byReceiver.get(to) ?? []), merchantId]);
  for (const [to, ids] of byReceiver)
    await tx
      .update(merchants)
      .set({ specialistId: to, lastActivityAt: now, version: sql`${merchants.version} + 1` })
      .where(inArray(merchants.id, ids));
  await tx.insert(merchantEvents).values(
    [...plan].map(([merchantId, to]) => ({
      merchantId,
      actorId: actorId(actor),
      type: "assigned" as const,
      evidence: { from: fromId, to, handOver: true },
      createdAt: now,
    })),
  );
  return {
    merchants: open.length,
    to: [...byReceiver].map(([staffId, ids]) => ({ staffId, merchants: ids.length })),
  };
}

/** The receivers with their current open load; refuses an inactive or unknown person, or nobody at all. */
async function lockReceivers(tx: Tx, fromId: string, handOver: HandOver) {
  const who =
    handOver.mode === "person"
      ? eq(staffUsers.id, handOver.toStaffId)
      : and(eq(staffUsers.role, "specialist"), ne(staffUsers.id, fromId));
  const people = await tx
    .select({ id: staffUsers.id, name: staffUsers.name, active: staffUsers.active })
    .from(staffUsers)
    .where(who)
    .orderBy(asc(staffUsers.id))
    .for("share");
  const active = people.filter((p) => p.active);
  if (handOver.mode === "person") {
    if (handOver.toStaffId === fromId) throw new RuleViolationError("Choose someone other than the person leaving.");
    if (active.length === 0) throw new RuleViolationError("Merchants can only be handed to an active staff member.");
  } else if (active.length === 0) {
    throw new RuleViolationError("There is no other active specialist to spread the merchants over.");
  }
  const loads = await tx
    .select({ staffId: merchants.specialistId, n: count() })
    .from(merchants)
    .where(
      and(
        inArray(
          merchants.specialistId,
          active.map((p) => p.id),
        ),
        isOpenMerchant,
      ),
    )
    .groupBy(merchants.specialistId);
  const loadOf = new Map(loads.map((l) => [l.staffId, l.n]));
  return active.map((p) => ({ id: p.id, name: p.name, openMerchants: loadOf.get(p.id) ?? 0 }));
}
