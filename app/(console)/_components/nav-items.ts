import type { Permission } from "@/lib/auth/permissions";

/** The console's sections. Links are shown by permission; each page still checks on the server. */
export const NAV_ITEMS: readonly {
  href: string;
  label: string;
  permission: Permission;
  group: "work" | "admin";
  /** Shown only in development and the demo (lib/dev-mail). */
  devOnly?: boolean;
}[] = [
  { href: "/queue", label: "Queue", permission: "queue:read", group: "work" },
  { href: "/tasks", label: "Tasks", permission: "tasks:work", group: "work" },
  { href: "/health", label: "Health", permission: "health:read", group: "work" },
  { href: "/intake", label: "Mailbox", permission: "intake:triage", group: "work" },
  { href: "/reports", label: "Reports", permission: "reports:read", group: "work" },
  { href: "/admin/staff", label: "Staff", permission: "staff:manage", group: "admin" },
  { href: "/admin/jobs", label: "Jobs", permission: "jobs:manage", group: "admin" },
  { href: "/admin/audit", label: "Audit trail", permission: "audit:read", group: "admin" },
  { href: "/admin/sla", label: "SLA settings", permission: "sla:manage", group: "admin" },
  { href: "/admin/reminders", label: "Reminders", permission: "reminders:manage", group: "admin" },
  { href: "/admin/mail", label: "Sent mail", permission: "dev-mail:read", group: "admin", devOnly: true },
];

/** `count`: a badge (messages waiting in mailbox triage, one's open tasks); absent or 0 shows none. */
export type NavLink = { href: string; label: string; group: "work" | "admin"; count?: number };
