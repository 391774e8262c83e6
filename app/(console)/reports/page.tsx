import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Reports" };

/** Placeholder until the reports screen lands; the permission check is already the real one. */
export default async function ReportsPage() {
  await requirePagePermission("reports:read");
  return (
    <div className="grid gap-2">
      <h1 className="text-2xl font-semibold">Reports</h1>
      <p className="text-sm text-muted-foreground">Team throughput and time-per-step reports will appear here.</p>
    </div>
  );
}
