"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton, submitKeepingValues } from "../../merchants/[id]/_components/action-form";
import { updateDigestsAction } from "../actions";

const CHOICES = [
  {
    name: "daily",
    label: "Daily digest",
    hint: "Working days from 08:00 your time: your merchants by time to SLA breach, what you owe today, the reminders sent. Only when you have open merchants.",
  },
  {
    name: "weekly",
    label: "Weekly digest (team leads)",
    hint: "The first working day of the week from 08:00 your time: stalled merchants and the SLA breaches of the last 7 days.",
  },
] as const;

/** Two checkboxes, one per digest; unticking one opts out of it from the next digest on. */
export function DigestForm({ current }: { current: { daily: boolean; weekly: boolean } }) {
  const [state, dispatch, pending] = useActionState(updateDigestsAction, null);
  return (
    <form action={dispatch} onSubmit={submitKeepingValues(dispatch)} className="grid gap-3" data-testid="digest-form">
      {CHOICES.map((choice) => (
        <label key={choice.name} className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            name={choice.name}
            defaultChecked={current[choice.name]}
            className="mt-0.5 size-4 accent-primary"
          />
          <span>
            <span className="font-medium">{choice.label}</span>
            <span className="block text-muted-foreground">{choice.hint}</span>
          </span>
        </label>
      ))}
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending} size="sm">
          Save digests
        </SubmitButton>
        {state ? <FormMessage state={state} /> : null}
      </div>
    </form>
  );
}
