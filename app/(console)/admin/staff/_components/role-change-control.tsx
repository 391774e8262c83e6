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
import { ROLES, ROLE_LABELS, type Role } from "@/lib/auth/roles";
import type { StaffListRow } from "@/lib/staff/list-staff";
import { roleChangeConsequence } from "@/lib/staff/staff-change-consequences";

/** The role select; choosing another role asks first, naming what the person gains or loses. */
export function RoleChangeControl({
  row,
  disabled,
  onConfirm,
}: {
  row: StaffListRow;
  disabled: boolean;
  onConfirm: (role: Role) => void;
}) {
  const [wanted, setWanted] = useState<Role | null>(null);
  return (
    <>
      <select
        aria-label={`Role of ${row.name}`}
        value={row.role}
        disabled={disabled || row.status === "deactivated"}
        onChange={(e) => setWanted(e.target.value as Role)}
        className="h-8 rounded-md border border-input bg-transparent px-2 text-sm"
      >
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {ROLE_LABELS[role]}
          </option>
        ))}
      </select>
      <Dialog open={wanted !== null} onOpenChange={(open) => !open && setWanted(null)}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>
              Make {row.name} {wanted ? ROLE_LABELS[wanted].toLowerCase() : ""}?
            </DialogTitle>
            <DialogDescription data-testid="role-change-consequence">
              {wanted ? roleChangeConsequence(row.name, row.role, wanted) : null}
            </DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <Button variant="outline" onClick={() => setWanted(null)}>
              Cancel
            </Button>
            <Button
              onClick={() => {
                if (wanted) onConfirm(wanted);
                setWanted(null);
              }}
            >
              Change role
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </>
  );
}
