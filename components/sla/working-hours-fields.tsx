"use client";

import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { ActionResult } from "@/lib/action-result";
import { FieldError } from "@/app/(console)/merchants/[id]/_components/action-form";

const DAYS = [
  ["mon", "Mon"],
  ["tue", "Tue"],
  ["wed", "Wed"],
  ["thu", "Thu"],
  ["fri", "Fri"],
  ["sat", "Sat"],
  ["sun", "Sun"],
] as const;

/**
 * A calendar's working days (checkboxes named `days`) and hours (`hoursStart`, `hoursEnd`): the
 * agency calendar's form and a merchant's. The end is free text because 24:00 is allowed.
 */
export function WorkingHoursFields({
  state,
  days,
  hoursStart,
  hoursEnd,
  idPrefix = "",
}: {
  state: ActionResult | null;
  days: readonly string[];
  hoursStart: string;
  hoursEnd: string;
  idPrefix?: string;
}) {
  return (
    <>
      <fieldset className="grid gap-1.5">
        <legend className="mb-1.5 text-sm font-medium">Working days</legend>
        <div className="flex flex-wrap gap-4">
          {DAYS.map(([value, label]) => (
            <label key={value} className="flex items-center gap-2 text-sm">
              <Checkbox name="days" value={value} defaultChecked={days.includes(value)} />
              {label}
            </label>
          ))}
        </div>
        <FieldError state={state} name="days" />
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="grid gap-1.5">
          <Label htmlFor={`${idPrefix}hoursStart`}>Opens at</Label>
          {/* Text, not type="time": a native time field shows the browser's 12-hour "09:00 AM" beside
              the 24-hour closing time (which must allow 24:00, so it cannot be a time field). */}
          <Input
            id={`${idPrefix}hoursStart`}
            name="hoursStart"
            defaultValue={hoursStart}
            placeholder="09:00"
            pattern="[0-2][0-9]:[0-5][0-9]"
            title="24-hour time, e.g. 09:00"
          />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor={`${idPrefix}hoursEnd`}>Closes at</Label>
          <Input
            id={`${idPrefix}hoursEnd`}
            name="hoursEnd"
            defaultValue={hoursEnd}
            placeholder="17:30 (24:00 allowed)"
            pattern="[0-2][0-9]:[0-5][0-9]"
            title="24-hour time, e.g. 17:30 or 24:00"
          />
        </div>
        <FieldError state={state} name="hours" />
      </div>
    </>
  );
}
