import type { Role } from "@/lib/auth/roles";

/**
 * The demo team. Passwords are public on purpose (README and `npm run demo` print them); they
 * exist only in databases the seed creates for demos, never in a real deployment.
 */
export type DemoStaff = { key: string; email: string; name: string; role: Role; password: string };

export const DEMO_STAFF: readonly DemoStaff[] = [
  { key: "admin", email: "admin@actenzo.test", name: "Anouk Admin", role: "admin", password: "demo-admin-password" },
  { key: "lead", email: "lead@actenzo.test", name: "Sanne Visser", role: "lead", password: "demo-lead-password" },
  { key: "tom", email: "tom@actenzo.test", name: "Tom Jansen", role: "specialist", password: "demo-specialist-1" },
  { key: "eva", email: "eva@actenzo.test", name: "Eva Becker", role: "specialist", password: "demo-specialist-2" },
  {
    key: "lucas",
    email: "lucas@actenzo.test",
    name: "Lucas Peeters",
    role: "specialist",
    password: "demo-specialist-3",
  },
];

export function formatDemoLogins(staff: readonly DemoStaff[] = DEMO_STAFF): string {
  const width = Math.max(...staff.map((s) => s.email.length));
  return staff.map((s) => `  ${s.role.padEnd(10)} ${s.email.padEnd(width)}  ${s.password}`).join("\n");
}
