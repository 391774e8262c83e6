"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import type { StaffListRow } from "@/lib/staff/list-staff";
import { approvalConsequence } from "@/lib/staff/staff-change-consequences";

/** "Approve" for an account a first company sign-in created; asks first, naming the role it gets. */
export function ApproveDialog({
  row,
  disabled,
  onConfirm,
}: {
  row: StaffListRow;
  disabled: boolean;
  onConfirm: () => void;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="sm" disabled={disabled} onClick={() => setOpen(true)}>
        Approve
      </Button>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>Approve {row.name}?</DialogTitle>
            <DialogDescription data-testid="approve-consequence">
              {approvalConsequence(row.name, row.email, row.role)}
            </DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <Button variant="outline" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button
              onClick={() => {
                onConfirm();
                setOpen(false);
              }}
            >
              Approve
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </>
  );
}
