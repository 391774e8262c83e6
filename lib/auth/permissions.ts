import type { Role } from "./roles";

/**
 * The permission matrix: the one place that says which role may do what. Every server action,
 * route handler and data verb calls `authorize(actor, permission)`; hiding a button is not a check.
 */
export const PERMISSIONS = {
  "queue:read": ["specialist", "lead", "admin"],
  "merchant:read": ["specialist", "lead", "admin"],
  "merchant:create": ["specialist", "lead", "admin"],
  /** Complete or undo steps, hold/resume, notes. */
  "merchant:update": ["specialist", "lead", "admin"],
  /** Take an unassigned or own merchant (assign to oneself). */
  "merchant:claim": ["specialist", "lead", "admin"],
  /** Assign any merchant to any specialist, including in bulk. */
  "merchant:assign": ["lead", "admin"],
  "merchant:cancel": ["lead", "admin"],
  /** Complete a step against its evidence rule (Key verified without a healthy run), with a reason. */
  "step:override": ["lead", "admin"],
  "credentials:record": ["specialist", "lead", "admin"],
  "credentials:reveal": ["lead", "admin"],
  /** The access mailbox's triage list (/intake): assign a message to a merchant, or dismiss it. */
  "intake:triage": ["specialist", "lead", "admin"],
  "connect-link:manage": ["specialist", "lead", "admin"],
  "verification:run": ["specialist", "lead", "admin"],
  "health:read": ["specialist", "lead", "admin"],
  "reports:read": ["lead", "admin"],
  /** Start a full recompute of every merchant's SLA clocks (the calendar and policy editors do too). */
  "sla:recompute": ["lead", "admin"],
  "audit:read": ["lead", "admin"],
  /** The agency calendar (hours, days, closure days), merchants' working hours and days, and the SLA policy versions. */
  "sla:manage": ["lead", "admin"],
  "staff:manage": ["admin"],
  "jobs:manage": ["admin"],
  /** The reminder policy and the reminder wording per language. */
  "reminders:manage": ["lead", "admin"],
  /** The local mail sink's messages (/admin/mail; development and demo only). */
  "dev-mail:read": ["admin"],
  /** See one's escalation tasks (/tasks) and mark one's own done. */
  "tasks:work": ["specialist", "lead", "admin"],
  /** Mark anyone's escalation task done; see the unassigned ones (lead tasks are every lead's). */
  "tasks:manage": ["lead", "admin"],
  /** One's own profile (time zone). */
  "profile:update": ["specialist", "lead", "admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function roleCan(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
