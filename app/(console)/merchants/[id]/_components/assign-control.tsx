"use client";

import { useActionState } from "react";
import type { StaffRef, WorkspaceAbilities } from "@/lib/onboarding/workspace/types";
import type { AssignableStaff } from "@/lib/staff/list-assignable-staff";
import { assignAction, claimAction } from "../actions";
import { FieldError, FormMessage, InlineActionForm, SubmitButton, type FormState } from "./action-form";

/**
 * Leads and admins pick anyone (or nobody); specialists can only take an unassigned merchant
 * for themselves. The verb enforces the same rules.
 */
export function AssignControl({
  merchantId,
  specialist,
  viewerId,
  abilities,
  staff,
  disabled,
}: {
  merchantId: string;
  specialist: StaffRef | null;
  viewerId: string;
  abilities: WorkspaceAbilities;
  staff: AssignableStaff[] | null;
  disabled: boolean;
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(assignAction, null);
  const name = (
    <span className="block font-medium" data-testid="specialist">
      {specialist ? specialist.name : "Unassigned"}
    </span>
  );
  if (disabled) return name;
  if (abilities.assign && staff) {
    return (
      <form action={formAction} className="grid gap-1.5">
        <input type="hidden" name="merchantId" value={merchantId} />
        <div className="flex items-center gap-2">
          <label htmlFor="assign-specialist" className="sr-only">
            Specialist
          </label>
          <select
            id="assign-specialist"
            name="specialistId"
            defaultValue={specialist?.id ?? ""}
            key={specialist?.id ?? "none"}
            className="h-8 min-w-0 flex-1 rounded-md border bg-background px-2 text-sm"
          >
            <option value="">Unassigned</option>
            {specialist && !staff.some((s) => s.id === specialist.id) && (
              <option value={specialist.id}>{specialist.name} (inactive)</option>
            )}
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
                {s.role === "lead" ? " (lead)" : ""}
              </option>
            ))}
          </select>
          <SubmitButton pending={pending} size="sm" variant="outline">
            Assign
          </SubmitButton>
        </div>
        <FieldError state={state} name="specialistId" />
        <FormMessage state={state} className="text-xs" />
      </form>
    );
  }
  const canClaim = abilities.claim && specialist?.id !== viewerId && specialist === null;
  return (
    <div className="grid gap-1.5">
      {name}
      {canClaim && <InlineActionForm action={claimAction} fields={{ merchantId }} label="Assign to me" />}
    </div>
  );
}
