import { asc } from "drizzle-orm";
import { db } from "@/db/client";
import { staffUsers } from "@/db/schema";
import { authorize, type StaffActor } from "@/lib/auth/actor";
import { LEAD_AUDIT_ACTIONS } from "./audit-params";

/** Admin actions offered in the filter; leads get only what they may read. */
const ADMIN_AUDIT_ACTIONS = [
  ...LEAD_AUDIT_ACTIONS,
  "credentials.record_key",
  "credentials.record_secret",
  "connect_link.created",
  "connect_link.revoked",
  "merchant.shop_confirmed",
  "merchant.cancelled",
  "staff.invited",
  "staff.role_changed",
  "staff.deactivated",
  "staff.reactivated",
  "staff.sessions_revoked",
  "jobs.retried",
  "jobs.promoted",
  "jobs.removed",
  "jobs.retried_all_failed",
  "jobs.queue_paused",
  "jobs.queue_resumed",
  "jobs.cleaned",
  "staff.created",
  "staff.approved",
] as const;

const ACTION_LABELS: Record<string, string> = {
  "credentials.reveal_secret": "Secret revealed",
  "merchant.assigned": "Merchant assigned",
  "credentials.record_key": "API key recorded",
  "credentials.record_secret": "API secret recorded",
  "connect_link.created": "Connect link created",
  "connect_link.revoked": "Connect link revoked",
  "merchant.shop_confirmed": "Shop confirmed",
  "merchant.cancelled": "Merchant cancelled",
  "staff.invited": "Colleague invited",
  "staff.role_changed": "Role changed",
  "staff.deactivated": "Colleague deactivated",
  "staff.reactivated": "Colleague reactivated",
  "staff.sessions_revoked": "Signed out everywhere",
  "jobs.retried": "Job retried",
  "jobs.promoted": "Delayed job run now",
  "jobs.removed": "Job removed",
  "jobs.retried_all_failed": "All failed jobs retried",
  "jobs.queue_paused": "Job queue paused",
  "jobs.queue_resumed": "Job queue resumed",
  "jobs.cleaned": "Old jobs cleaned",
  "staff.created": "Account created",
  "staff.approved": "Company sign-in approved",
};

/** The choices of the audit filters: everyone who may have acted, and the actions this viewer may read. */
export async function listAuditFilterChoices(actor: StaffActor | null) {
  authorize(actor, "audit:read");
  const people = await db
    .select({ id: staffUsers.id, name: staffUsers.name })
    .from(staffUsers)
    .orderBy(asc(staffUsers.name));
  const actions = actor.role === "admin" ? ADMIN_AUDIT_ACTIONS : LEAD_AUDIT_ACTIONS;
  return { people, actions: actions.map((value) => ({ value, label: ACTION_LABELS[value] ?? value })) };
}
