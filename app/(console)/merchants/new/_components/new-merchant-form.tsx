"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { CLUSTERS } from "@/lib/lightspeed/clusters";
import { createMerchantAction } from "../actions";
import type { NewMerchantState, SignupField } from "./new-merchant-fields";

const CLUSTER_LABELS: Record<(typeof CLUSTERS)[number], string> = { eu1: "eu1 — Europe (webshopapp.com)", us1: "us1 — United States (shoplightspeed.com)" };

export function NewMerchantForm() {
  const [state, formAction, pending] = useActionState<NewMerchantState, FormData>(createMerchantAction, null);
  const value = (field: SignupField) => state?.values[field] ?? "";
  const errorOf = (field: SignupField) => state?.fieldErrors?.[field]?.[0];

  const field = (name: SignupField, label: string, props: React.ComponentProps<typeof Input> = {}) => (
    <div className="grid gap-2">
      <Label htmlFor={name}>{label}</Label>
      <Input id={name} name={name} defaultValue={value(name)} aria-invalid={!!errorOf(name)} aria-describedby={errorOf(name) ? `${name}-error` : undefined} {...props} />
      {errorOf(name) && <p id={`${name}-error`} className="text-sm text-destructive">{errorOf(name)}</p>}
    </div>
  );

  return (
    // Re-mounted after each answer so the fields show what was submitted (React resets forms after actions).
    <form key={JSON.stringify(state?.values ?? {})} action={formAction} className="grid gap-5" noValidate>
      {state?.existingId ? (
        <Alert variant="warning">
          <AlertTitle>This shop is already in the console</AlertTitle>
          <AlertDescription>
            <p>{state.error}</p>
            <Link href={`/merchants/${state.existingId}`} className="font-medium text-foreground underline underline-offset-4">Open the existing merchant</Link>
          </AlertDescription>
        </Alert>
      ) : state?.error ? (
        <Alert variant="destructive"><AlertDescription>{state.error}</AlertDescription></Alert>
      ) : null}

      <div className="grid gap-5 sm:grid-cols-2">
        {field("company", "Company", { autoComplete: "organization", required: true })}
        {field("shopName", "Shop name", { required: true })}
      </div>
      {field("shopDomain", "Shop domain", { placeholder: "wijnhuis-debron.nl", required: true, spellCheck: false })}
      <div className="grid gap-5 sm:grid-cols-3">
        <div className="grid gap-2">
          <Label htmlFor="cluster">Lightspeed cluster</Label>
          <Select name="cluster" defaultValue={value("cluster") || "eu1"}>
            <SelectTrigger id="cluster" className="w-full" aria-invalid={!!errorOf("cluster")}><SelectValue /></SelectTrigger>
            <SelectContent>
              {CLUSTERS.map((c) => <SelectItem key={c} value={c}>{CLUSTER_LABELS[c]}</SelectItem>)}
            </SelectContent>
          </Select>
          {errorOf("cluster") && <p className="text-sm text-destructive">{errorOf("cluster")}</p>}
        </div>
        {field("language", "Shop language", { placeholder: "nl", maxLength: 2, required: true })}
        {field("country", "Country", { placeholder: "NL", maxLength: 2, required: true })}
      </div>
      <div className="grid gap-5 sm:grid-cols-2">
        {field("contactName", "Contact name", { autoComplete: "name", required: true })}
        {field("contactEmail", "Contact email", { type: "email", autoComplete: "email", required: true })}
      </div>
      <div className="flex items-center gap-2">
        <Checkbox id="assignToMe" name="assignToMe" defaultChecked={state?.assignToMe ?? true} />
        <Label htmlFor="assignToMe">Assign to me</Label>
      </div>
      <div>
        <Button type="submit" disabled={pending}>{pending ? "Creating…" : "Create merchant"}</Button>
      </div>
    </form>
  );
}
