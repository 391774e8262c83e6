import { auditLog } from "@/db/schema";
import type { Tx } from "@/db/client";
import { actorId, type Actor } from "@/lib/auth/actor";

export type StaffAuditAction =
  | "staff.created"
  | "staff.invited"
  | "staff.invite_resent"
  | "staff.invite_accepted"
  | "staff.role_changed"
  | "staff.deactivated"
  | "staff.reactivated"
  | "staff.sessions_revoked"
  | "staff.time_zone_changed"
  | "staff.digests_changed"
  | "staff.identity_linked"
  | "staff.approved";

/** Writes the audit row in the same transaction as the change it describes. */
export async function auditStaffChange(
  tx: Tx,
  actor: Actor | null,
  action: StaffAuditAction,
  staffId: string,
  details: Record<string, unknown> = {},
) {
  await tx.insert(auditLog).values({
    actorId: actor ? actorId(actor) : null,
    action,
    entityType: "staff_user",
    entityId: staffId,
    details: actor?.kind === "system" ? { ...details, system: actor.name } : details,
  });
}
