"use client";

import { useActionState } from "react";
import { WorkingHoursFields } from "@/components/sla/working-hours-fields";
import { FormMessage, SubmitButton } from "./action-form";
import { updateMerchantCalendarAction } from "../sla-actions";

/** The merchant's working days and hours (leads and admins): its wait clocks and reminders follow them. */
export function MerchantHoursForm({
  merchantId,
  days,
  hoursStart,
  hoursEnd,
}: {
  merchantId: string;
  days: readonly string[];
  hoursStart: string;
  hoursEnd: string;
}) {
  const [state, dispatch, pending] = useActionState(updateMerchantCalendarAction, null);
  return (
    <form action={dispatch} className="grid gap-3 rounded-md border p-3" data-testid="merchant-hours-form">
      <input type="hidden" name="merchantId" value={merchantId} />
      <WorkingHoursFields state={state} days={days} hoursStart={hoursStart} hoursEnd={hoursEnd} idPrefix="merchant-" />
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending} size="sm" variant="outline">
          Save working hours
        </SubmitButton>
        {state && <FormMessage state={state} />}
      </div>
    </form>
  );
}
