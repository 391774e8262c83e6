"use client";

import { useActionState } from "react";
import { TimeZoneSelect } from "@/components/time/time-zone-select";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { WorkingHoursFields } from "@/components/sla/working-hours-fields";
import { FieldError, FormMessage, SubmitButton } from "../../../merchants/[id]/_components/action-form";
import { updateAgencyCalendarAction } from "../actions";

export type CalendarFormValues = {
  timeZone: string;
  days: readonly string[];
  hoursStart: string;
  hoursEnd: string;
  country: string;
  closed: readonly string[];
};

/** The agency calendar: zone, working days and hours, holiday country, closure days (one per line). */
export function CalendarForm({ values, zones }: { values: CalendarFormValues; zones: string[] }) {
  const [state, dispatch, pending] = useActionState(updateAgencyCalendarAction, null);
  return (
    <form action={dispatch} className="grid gap-4" data-testid="calendar-form">
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="grid gap-1.5">
          <Label htmlFor="timeZone">Time zone</Label>
          <TimeZoneSelect id="timeZone" name="timeZone" defaultValue={values.timeZone} zones={zones} />
          <FieldError state={state} name="timeZone" />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="country">Public holidays of (country code)</Label>
          <Input id="country" name="country" defaultValue={values.country} />
          <FieldError state={state} name="country" />
        </div>
      </div>
      <WorkingHoursFields state={state} days={values.days} hoursStart={values.hoursStart} hoursEnd={values.hoursEnd} />
      <div className="grid gap-1.5">
        <Label htmlFor="closed">Company closure days (YYYY-MM-DD, one per line)</Label>
        <Textarea id="closed" name="closed" rows={4} defaultValue={values.closed.join("\n")} />
        <FieldError state={state} name="closed" />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending} size="sm">
          Save calendar
        </SubmitButton>
        {state && <FormMessage state={state} />}
      </div>
    </form>
  );
}
