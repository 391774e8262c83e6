"use client";

import { useActionState } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { FieldError, FormMessage, SubmitButton } from "../../../merchants/[id]/_components/action-form";
import { publishSlaPolicyAction } from "../actions";

export type PolicyField = { name: string; label: string; hours: string };

/** The current version's targets as editable hours; saving publishes a new version from now. */
export function PolicyForm({
  agency,
  merchant,
  endToEnd,
}: {
  agency: PolicyField[];
  merchant: PolicyField[];
  endToEnd: string;
}) {
  const [state, dispatch, pending] = useActionState(publishSlaPolicyAction, null);
  const field = (f: PolicyField, prefix: string) => (
    <div key={f.name} className="grid gap-1.5">
      <Label htmlFor={`${prefix}.${f.name}`}>{f.label}</Label>
      <Input id={`${prefix}.${f.name}`} name={`${prefix}.${f.name}`} inputMode="decimal" defaultValue={f.hours} />
    </div>
  );
  return (
    <form action={dispatch} className="grid gap-4" data-testid="policy-form">
      <fieldset className="grid gap-3">
        <legend className="mb-1 text-sm font-medium">Actenzo&apos;s targets (agency working hours)</legend>
        <div className="grid gap-4 sm:grid-cols-3">{agency.map((f) => field(f, "agency"))}</div>
        <FieldError state={state} name="agencyTargetHours" />
      </fieldset>
      <fieldset className="grid gap-3">
        <legend className="mb-1 text-sm font-medium">Merchant&apos;s expected times (merchant working hours)</legend>
        <div className="grid gap-4 sm:grid-cols-4">{merchant.map((f) => field(f, "merchant"))}</div>
        <FieldError state={state} name="merchantExpectedHours" />
      </fieldset>
      <div className="grid max-w-xs gap-1.5">
        <Label htmlFor="endToEnd">End to end, sign-up to live (agency working hours)</Label>
        <Input id="endToEnd" name="endToEnd" inputMode="decimal" defaultValue={endToEnd} />
        <FieldError state={state} name="endToEndHours" />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending} size="sm">
          Publish new version
        </SubmitButton>
        {state && <FormMessage state={state} />}
      </div>
    </form>
  );
}
