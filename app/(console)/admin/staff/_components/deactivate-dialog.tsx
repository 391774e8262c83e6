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
  DialogTrigger,
} from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import type { HandOver } from "@/lib/staff/hand-over";
import type { StaffListRow } from "@/lib/staff/list-staff";
import { deactivationConsequence } from "@/lib/staff/staff-change-consequences";

const SPREAD = "spread";

/**
 * Deactivation asks where the person's open merchants go (one active colleague, or spread over
 * the active specialists by load) and names the consequence before anything happens.
 */
export function DeactivateDialog({
  row,
  colleagues,
  disabled,
  onConfirm,
}: {
  row: StaffListRow;
  colleagues: StaffListRow[];
  disabled: boolean;
  onConfirm: (handOver: HandOver | undefined) => void;
}) {
  const [open, setOpen] = useState(false);
  const [receiver, setReceiver] = useState(SPREAD);
  const receivers = colleagues.filter((c) => c.status === "active" && c.id !== row.id);
  const receiverName = receivers.find((c) => c.id === receiver)?.name ?? null;
  const handOver: HandOver | undefined =
    row.openMerchants === 0
      ? undefined
      : receiver === SPREAD
        ? { mode: "spread" }
        : { mode: "person", toStaffId: receiver };

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" className="text-destructive" disabled={disabled}>
          Deactivate
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Deactivate {row.name}?</DialogTitle>
          <DialogDescription data-testid="deactivate-consequence">
            {deactivationConsequence(row.name, row.openMerchants, receiverName)}
          </DialogDescription>
        </DialogHeader>
        {row.openMerchants > 0 ? (
          <div className="grid gap-2">
            <Label htmlFor={`hand-over-${row.id}`}>Hand open merchants to</Label>
            <select
              id={`hand-over-${row.id}`}
              value={receiver}
              onChange={(e) => setReceiver(e.target.value)}
              className="h-9 rounded-md border border-input bg-transparent px-2 text-sm"
            >
              <option value={SPREAD}>Spread across active specialists by load</option>
              {receivers.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name} ({c.openMerchants} open)
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <DialogFooter>
          <Button variant="outline" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <Button
            variant="destructive"
            onClick={() => {
              setOpen(false);
              onConfirm(handOver);
            }}
          >
            Deactivate
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
