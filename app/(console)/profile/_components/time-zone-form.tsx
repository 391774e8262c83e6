"use client";

import { useActionState } from "react";
import { TimeZoneSelect } from "@/components/time/time-zone-select";
import { Label } from "@/components/ui/label";
import {
  FieldError,
  FormMessage,
  SubmitButton,
  submitKeepingValues,
} from "../../merchants/[id]/_components/action-form";
import { updateTimeZoneAction } from "../actions";

/** A select of IANA zones; the choice survives an error (no form reset) and shows each error once. */
export function TimeZoneForm({ current, choices }: { current: string; choices: string[] }) {
  const [state, dispatch, pending] = useActionState(updateTimeZoneAction, null);
  return (
    <form
      action={dispatch}
      onSubmit={submitKeepingValues(dispatch)}
      className="grid gap-3"
      data-testid="time-zone-form"
    >
      <div className="grid gap-1.5">
        <Label htmlFor="timeZone">Your time zone</Label>
        <TimeZoneSelect
          id="timeZone"
          name="timeZone"
          defaultValue={current}
          zones={choices}
          aria-describedby="timeZone-error"
        />
        <FieldError state={state} name="timeZone" />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending} size="sm">
          Save time zone
        </SubmitButton>
        {state && <FormMessage state={state} />}
      </div>
    </form>
  );
}
