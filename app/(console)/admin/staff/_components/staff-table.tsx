"use client";

import { useState, useTransition } from "react";
import { TimeStamp } from "@/components/time/time-stamp";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ActionResult } from "@/lib/action-result";
import type { StaffListRow, StaffStatus } from "@/lib/staff/list-staff";
import {
  approveStaffAction,
  changeStaffRoleAction,
  deactivateStaffAction,
  reactivateStaffAction,
  resendInviteAction,
  signOutEverywhereStaffAction,
} from "../actions";
import { ApproveDialog } from "./approve-dialog";
import { DeactivateDialog } from "./deactivate-dialog";
import { RoleChangeControl } from "./role-change-control";

const STATUS: Record<StaffStatus, { label: string; variant: "success" | "secondary" | "warning" | "outline" }> = {
  active: { label: "Active", variant: "success" },
  invited: { label: "Invited", variant: "secondary" },
  invite_expired: { label: "Invite expired", variant: "warning" },
  pending_approval: { label: "Awaiting approval", variant: "warning" },
  deactivated: { label: "Deactivated", variant: "outline" },
};

export function StaffTable({ rows, currentUserId }: { rows: StaffListRow[]; currentUserId: string }) {
  const [feedback, setFeedback] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  const run = (action: () => Promise<ActionResult<unknown>>) =>
    startTransition(async () => setFeedback(await action()));

  return (
    <div className="grid gap-3">
      {feedback ? (
        <Alert variant={feedback.ok ? "default" : "destructive"}>
          <AlertDescription data-testid="staff-feedback">
            {feedback.ok ? feedback.message : feedback.error}
          </AlertDescription>
        </Alert>
      ) : null}
      <div className="rounded-lg border">
        <Table aria-label="Staff">
          <TableHeader>
            <TableRow>
              <TableHead>Name</TableHead>
              <TableHead>Email</TableHead>
              <TableHead>Role</TableHead>
              <TableHead>Status</TableHead>
              <TableHead>Last sign-in</TableHead>
              <TableHead className="text-right">Actions</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.id} data-staff-email={row.email}>
                <TableCell className="font-medium">
                  {row.name}
                  {row.id === currentUserId ? <span className="ml-2 text-xs text-muted-foreground">(you)</span> : null}
                </TableCell>
                <TableCell>{row.email}</TableCell>
                <TableCell>
                  <RoleChangeControl
                    row={row}
                    disabled={pending}
                    onConfirm={(role) => run(() => changeStaffRoleAction(row.id, role))}
                  />
                </TableCell>
                <TableCell>
                  <Badge variant={STATUS[row.status].variant}>{STATUS[row.status].label}</Badge>
                </TableCell>
                <TableCell className="text-muted-foreground">
                  {row.lastSignInAt ? <TimeStamp date={row.lastSignInAt} mode="exact" /> : "Never"}
                </TableCell>
                <TableCell className="space-x-2 text-right">
                  {row.status === "invited" || row.status === "invite_expired" ? (
                    <Button
                      variant="outline"
                      size="sm"
                      disabled={pending}
                      onClick={() => run(() => resendInviteAction(row.id))}
                    >
                      Resend invite
                    </Button>
                  ) : null}
                  {row.status === "pending_approval" ? (
                    <ApproveDialog
                      row={row}
                      disabled={pending}
                      onConfirm={() => run(() => approveStaffAction(row.id))}
                    />
                  ) : null}
                  {row.status === "active" && row.id !== currentUserId ? (
                    <Button
                      variant="outline"
                      size="sm"
                      disabled={pending}
                      onClick={() => {
                        if (window.confirm(`Sign ${row.name} out in every browser?`))
                          run(() => signOutEverywhereStaffAction(row.id));
                      }}
                    >
                      Sign out everywhere
                    </Button>
                  ) : null}
                  {row.status === "deactivated" ? (
                    <Button
                      variant="outline"
                      size="sm"
                      disabled={pending}
                      onClick={() => run(() => reactivateStaffAction(row.id))}
                    >
                      Reactivate
                    </Button>
                  ) : (
                    <DeactivateDialog
                      row={row}
                      colleagues={rows}
                      disabled={pending}
                      onConfirm={(handOver) => run(() => deactivateStaffAction(row.id, handOver))}
                    />
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
