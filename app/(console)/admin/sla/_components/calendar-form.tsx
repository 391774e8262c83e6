"use client";

import { useActionState } from "react";
import { TimeZoneSelect } from "@/components/time/time-zone-select";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { FieldError, FormMessage, SubmitButton } from "../../../merchants/[id]/_components/action-form";
import { updateAgencyCalendarAction } from "../actions";

const DAYS = [
  ["mon", "Mon"],
  ["tue", "Tue"],
  ["wed", "Wed"],
  ["thu", "Thu"],
  ["fri", "Fri"],
  ["sat", "Sat"],
  ["sun", "Sun"],
] as const;

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
      <fieldset className="grid gap-1.5">
        <legend className="mb-1.5 text-sm font-medium">Working days</legend>
        <div className="flex flex-wrap gap-4">
          {DAYS.map(([value, label]) => (
            <label key={value} className="flex items-center gap-2 text-sm">
              <Checkbox name="days" value={value} defaultChecked={values.days.includes(value)} />
              {label}
            </label>
          ))}
        </div>
        <FieldError state={state} name="days" />
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="grid gap-1.5">
          <Label htmlFor="hoursStart">Opens at</Label>
          <Input id="hoursStart" name="hoursStart" type="time" defaultValue={values.hoursStart} />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="hoursEnd">Closes at</Label>
          <Input id="hoursEnd" name="hoursEnd" defaultValue={values.hoursEnd} placeholder="17:30 (24:00 allowed)" />
        </div>
        <FieldError state={state} name="hours" />
      </div>
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
