"use client";

import { useActionState } from "react";
import { FieldError, FormMessage, SubmitButton } from "./action-form";
import { updateMerchantTimeZoneAction } from "../sla-actions";

/** The merchant's zone, from its country's zones (the merchant's clocks run on it). */
export function MerchantTimeZoneForm({
  merchantId,
  current,
  choices,
}: {
  merchantId: string;
  current: string;
  choices: string[];
}) {
  const [state, dispatch, pending] = useActionState(updateMerchantTimeZoneAction, null);
  const options = choices.includes(current) ? choices : [current, ...choices];
  return (
    <form action={dispatch} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="merchantId" value={merchantId} />
      <label htmlFor="merchantTimeZone" className="text-sm text-muted-foreground">
        Merchant&apos;s time zone
      </label>
      <select
        id="merchantTimeZone"
        name="merchantTimeZone"
        defaultValue={current}
        className="h-8 min-w-0 rounded-md border bg-transparent px-2 text-sm shadow-xs"
      >
        {options.map((zone) => (
          <option key={zone} value={zone}>
            {zone.replaceAll("_", " ")}
          </option>
        ))}
      </select>
      {options.length > 1 && (
        <SubmitButton pending={pending} size="sm" variant="outline">
          Save
        </SubmitButton>
      )}
      <FieldError state={state} name="timeZone" />
      {state && <FormMessage state={state} />}
    </form>
  );
}
