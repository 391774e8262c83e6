"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import type { StaffOption } from "./queue-rows";
import { bulkAssignAction } from "../actions";

const UNASSIGN = "__unassign";

type Props = {
  merchantIds: string[];
  viewer: { id: string; mayAssignOthers: boolean };
  staff: StaffOption[];
  onDone: () => void;
};

/**
 * Bulk assign for the selected rows. Specialists can only take merchants themselves; leads and
 * admins pick anyone (or unassign). The server decides either way: this only picks the buttons.
 */
export function BulkAssignBar({ merchantIds, viewer, staff, onDone }: Props) {
  const [target, setTarget] = useState<string>("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const count = merchantIds.length;

  const assign = (specialistId: string | null) =>
    startTransition(async () => {
      const result = await bulkAssignAction({ merchantIds, specialistId });
      if (result.ok) {
        const n = result.data.updated;
        setMessage({
          ok: true,
          text: `${specialistId ? "Assigned" : "Unassigned"} ${n} ${n === 1 ? "merchant" : "merchants"}.`,
        });
        setTarget("");
        onDone();
      } else {
        setMessage({ ok: false, text: result.error });
      }
    });

  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      {message && (
        <span role="status" className={message.ok ? "text-success" : "text-destructive"}>
          {message.text}
        </span>
      )}
      {count > 0 && <span className="text-muted-foreground">{count} selected</span>}
      {count > 0 && !viewer.mayAssignOthers && (
        <Button size="sm" className="h-8" disabled={pending} onClick={() => assign(viewer.id)}>
          Assign to me
        </Button>
      )}
      {count > 0 && viewer.mayAssignOthers && (
        <>
          <Select value={target} onValueChange={setTarget}>
            <SelectTrigger className="h-8 w-48" aria-label="Assign to">
              <SelectValue placeholder="Assign to…" />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value={viewer.id}>Me</SelectItem>
              {staff
                .filter((s) => s.id !== viewer.id)
                .map((s) => (
                  <SelectItem key={s.id} value={s.id}>
                    {s.name}
                  </SelectItem>
                ))}
              <SelectItem value={UNASSIGN}>Nobody (unassign)</SelectItem>
            </SelectContent>
          </Select>
          <Button
            size="sm"
            className="h-8"
            disabled={pending || !target}
            onClick={() => assign(target === UNASSIGN ? null : target)}
          >
            Assign
          </Button>
        </>
      )}
    </div>
  );
}
