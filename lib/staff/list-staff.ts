import { and, asc, count, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { merchants, staffInvites, staffUsers } from "@/db/schema";
import { authorize, type StaffActor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/roles";

/**
 * `invited`: no password yet (invite pending or expired); `pending_approval`: created by a first
 * company sign-in, waiting for an admin; `deactivated` wins over all.
 */
export type StaffStatus = "active" | "invited" | "invite_expired" | "pending_approval" | "deactivated";

export type StaffListRow = {
  id: string;
  name: string;
  email: string;
  role: Role;
  status: StaffStatus;
  lastSignInAt: Date | null;
  createdAt: Date;
  /** Merchants still being onboarded (not live, not cancelled): what a deactivation hands over. */
  openMerchants: number;
};

/** Everyone on the staff admin screen, active first, then by name. The team is tens of people: no paging. */
export async function listStaff(actor: StaffActor | null): Promise<StaffListRow[]> {
  authorize(actor, "staff:manage");
  const rows = await db
    .select({
      id: staffUsers.id,
      name: staffUsers.name,
      email: staffUsers.email,
      role: staffUsers.role,
      active: staffUsers.active,
      hasPassword: sql<boolean>`${staffUsers.passwordHash} is not null`,
      approvalPending: staffUsers.approvalPending,
      company: sql<boolean>`${staffUsers.oidcSubject} is not null`,
      lastSignInAt: staffUsers.lastSignInAt,
      createdAt: staffUsers.createdAt,
    })
    .from(staffUsers)
    .orderBy(sql`${staffUsers.active} desc`, asc(staffUsers.name));

  const pendingIds = rows.filter((r) => r.active && !r.hasPassword && !r.company).map((r) => r.id);
  const openInvites = pendingIds.length
    ? await db
        .selectDistinct({ staffId: staffInvites.staffId })
        .from(staffInvites)
        .where(
          and(
            inArray(staffInvites.staffId, pendingIds),
            isNull(staffInvites.usedAt),
            isNull(staffInvites.revokedAt),
            sql`${staffInvites.expiresAt} > now()`,
          ),
        )
    : [];
  const withOpenInvite = new Set(openInvites.map((i) => i.staffId));
  const loads = await db
    .select({ staffId: merchants.specialistId, n: count() })
    .from(merchants)
    .where(and(isNull(merchants.cancelledAt), isNotNull(merchants.currentStage), isNotNull(merchants.specialistId)))
    .groupBy(merchants.specialistId);
  const openOf = new Map(loads.map((l) => [l.staffId, l.n]));

  return rows.map(({ active, hasPassword, approvalPending, company, ...row }) => ({
    ...row,
    openMerchants: openOf.get(row.id) ?? 0,
    status: !active
      ? "deactivated"
      : approvalPending
        ? "pending_approval"
        : hasPassword || company
          ? "active"
          : withOpenInvite.has(row.id)
            ? "invited"
            : "invite_expired",
  }));
}
