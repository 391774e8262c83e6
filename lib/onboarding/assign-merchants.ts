import { asc, eq, inArray, sql as dsql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { auditLog, merchantEvents, merchants, staffUsers } from "@/db/schema";
import { actorId, authorize, can, type Actor } from "@/lib/auth/actor";
import { ForbiddenError, NotFoundError, RuleViolationError } from "@/lib/errors";
import { merchantIdSchema, parseInput, type VerbOptions } from "./merchant-write";

const MAX_BATCH = 1000;
const inputSchema = z.object({
  merchantIds: z
    .array(merchantIdSchema)
    .min(1, "Select at least one merchant")
    .max(MAX_BATCH, `At most ${MAX_BATCH} merchants at once`),
  specialistId: z.uuid("Not a staff id").nullable(),
});

/**
 * Assigns merchants (one or many, all or none) to a staff member, or unassigns them (null).
 * Leads and admins (`merchant:assign`) assign anyone to any active staff member; specialists
 * (`merchant:claim`) may only take unassigned merchants, or their own, for themselves.
 * Merchants already with that assignee are left alone and not counted.
 */
export async function assignMerchants(
  actor: Actor,
  input: { merchantIds: string[]; specialistId: string | null },
  options: VerbOptions = {},
): Promise<{ updated: number }> {
  authorize(actor, "merchant:claim");
  const { merchantIds, specialistId } = parseInput(inputSchema, input);
  const mayAssignOthers = can(actor, "merchant:assign");
  const claimingForSelf = actor.kind === "staff" && specialistId === actor.id;
  if (!mayAssignOthers && !claimingForSelf) throw new ForbiddenError("You can only assign merchants to yourself.");
  const ids = [...new Set(merchantIds)].sort();

  return (options.tx ?? db).transaction(async (tx) => {
    if (specialistId) {
      // `for share` keeps the assignee from being deactivated while we assign to them.
      const [assignee] = await tx
        .select({ active: staffUsers.active })
        .from(staffUsers)
        .where(eq(staffUsers.id, specialistId))
        .for("share");
      if (!assignee?.active) throw new RuleViolationError("Merchants can only be assigned to an active staff member.");
    }
    // Locks in id order, so two bulk assignments over overlapping sets cannot deadlock.
    const rows = await tx
      .select({
        id: merchants.id,
        company: merchants.company,
        specialistId: merchants.specialistId,
        cancelledAt: merchants.cancelledAt,
      })
      .from(merchants)
      .where(inArray(merchants.id, ids))
      .orderBy(asc(merchants.id))
      .for("update");
    if (rows.length !== ids.length)
      throw new NotFoundError(ids.length === 1 ? "Merchant" : "One of the selected merchants");

    const cancelled = rows.filter((r) => r.cancelledAt !== null);
    if (cancelled.length)
      throw new RuleViolationError(
        `Cancelled merchants cannot be assigned: ${cancelled.map((r) => r.company).join(", ")}.`,
      );
    if (!mayAssignOthers) {
      const taken = rows.filter((r) => r.specialistId !== null && r.specialistId !== specialistId);
      if (taken.length)
        throw new ForbiddenError(
          `Already assigned to someone else: ${taken.map((r) => r.company).join(", ")}. Ask a lead to reassign.`,
        );
    }

    const changed = rows.filter((r) => r.specialistId !== specialistId);
    if (changed.length === 0) return { updated: 0 };
    const now = new Date();
    const changedIds = changed.map((r) => r.id);
    await tx
      .update(merchants)
      .set({ specialistId, lastActivityAt: now, version: dsql`${merchants.version} + 1` })
      .where(inArray(merchants.id, changedIds));
    await tx.insert(merchantEvents).values(
      changed.map((r) => ({
        merchantId: r.id,
        actorId: actorId(actor),
        type: "assigned" as const,
        evidence: { from: r.specialistId, to: specialistId },
        createdAt: now,
      })),
    );
    await tx.insert(auditLog).values(
      changed.map((r) => ({
        actorId: actorId(actor),
        action: "merchant.assigned",
        entityType: "merchant",
        entityId: r.id,
        details: { from: r.specialistId, to: specialistId, ...(actor.kind === "system" ? { system: actor.name } : {}) },
        createdAt: now,
      })),
    );
    return { updated: changed.length };
  });
}
