import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/session";
import { listStaff } from "@/lib/staff/list-staff";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { InviteStaffForm } from "./_components/invite-staff-form";
import { StaffTable } from "./_components/staff-table";

export const metadata: Metadata = { title: "Staff" };

export default async function StaffAdminPage() {
  const actor = await requirePagePermission("staff:manage");
  const staff = await listStaff(actor);

  return (
    <div className="grid gap-6">
      <div>
        <h1 className="text-2xl font-semibold">Staff</h1>
        <p className="text-sm text-muted-foreground">
          Invite colleagues, change their roles, and deactivate accounts. Changes apply on their next click.
        </p>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Invite a colleague</CardTitle>
          <CardDescription>
            They get an email with a one-time link (valid for 7 days) to choose a password.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <InviteStaffForm />
        </CardContent>
      </Card>
      <StaffTable rows={staff} currentUserId={actor.id} />
    </div>
  );
}
