"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/action-result";
import { updatePolicyAction, updateWordingAction } from "./actions";

function Outcome({ state }: { state: ActionResult | null }) {
  if (!state) return null;
  return (
    <p role={state.ok ? "status" : "alert"} className={state.ok ? "text-sm text-success" : "text-sm text-destructive"}>
      {state.ok ? state.message : state.error}
    </p>
  );
}

export function PolicyForm(props: {
  stage: string;
  label: string;
  firstAfterDays: number;
  cadenceDays: number[];
  maxCount: number;
}) {
  const [state, action, pending] = useActionState(updatePolicyAction, null);
  const id = (name: string) => `${props.stage}-${name}`;
  return (
    <form
      action={action}
      className="grid gap-2 sm:grid-cols-[1fr_8rem_8rem_8rem_auto] sm:items-end"
      aria-label={props.label}
    >
      <input type="hidden" name="stage" value={props.stage} />
      <p className="font-medium">{props.label}</p>
      <div className="grid gap-1">
        <Label htmlFor={id("first")}>First after (days)</Label>
        <Input
          id={id("first")}
          name="firstAfterDays"
          type="number"
          min={1}
          max={30}
          defaultValue={props.firstAfterDays}
        />
      </div>
      <div className="grid gap-1">
        <Label htmlFor={id("cadence")}>Then every</Label>
        <Input id={id("cadence")} name="cadenceDays" defaultValue={props.cadenceDays.join(",")} />
      </div>
      <div className="grid gap-1">
        <Label htmlFor={id("max")}>At most</Label>
        <Input id={id("max")} name="maxCount" type="number" min={1} max={10} defaultValue={props.maxCount} />
      </div>
      <Button type="submit" variant="outline" disabled={pending}>
        Save
      </Button>
      <div className="sm:col-span-5">
        <Outcome state={state} />
      </div>
    </form>
  );
}

export function WordingForm(props: {
  language: string;
  intro: string;
  closing: string;
  defaults: { intro: string; closing: string };
}) {
  const [state, action, pending] = useActionState(updateWordingAction, null);
  return (
    <form action={action} className="grid gap-2" aria-label={`Wording ${props.language}`}>
      <input type="hidden" name="language" value={props.language} />
      <p className="font-medium">{props.language.toUpperCase()}</p>
      <Label htmlFor={`${props.language}-intro`}>Opening paragraph</Label>
      <Textarea
        id={`${props.language}-intro`}
        name="intro"
        defaultValue={props.intro}
        placeholder={props.defaults.intro}
      />
      <Label htmlFor={`${props.language}-closing`}>Closing paragraph</Label>
      <Textarea
        id={`${props.language}-closing`}
        name="closing"
        defaultValue={props.closing}
        placeholder={props.defaults.closing}
      />
      <Button type="submit" variant="outline" disabled={pending} className="justify-self-start">
        Save wording
      </Button>
      <Outcome state={state} />
    </form>
  );
}
