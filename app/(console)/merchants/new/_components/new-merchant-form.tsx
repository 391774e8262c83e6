"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { CLUSTERS } from "@/lib/lightspeed/clusters";
import { SHOP_LANGUAGE_LABELS, SHOP_LANGUAGES } from "@/lib/lightspeed/shop-languages";
import { countryTimeZones, hasSeveralTimeZones } from "@/lib/sla/merchant-time-zone";
import { createMerchantAction } from "../actions";
import type { NewMerchantState, SignupField } from "./new-merchant-fields";

const CLUSTER_LABELS: Record<(typeof CLUSTERS)[number], string> = {
  eu1: "eu1 — Europe (webshopapp.com)",
  us1: "us1 — United States (shoplightspeed.com)",
};

export function NewMerchantForm() {
  const [state, formAction, pending] = useActionState<NewMerchantState, FormData>(createMerchantAction, null);
  const value = (field: SignupField) => state?.values[field] ?? "";
  const errorOf = (field: SignupField) => state?.fieldErrors?.[field]?.[0];
  // The zone is asked only where the country's zones keep different clocks (US, CA, AU …).
  const [country, setCountry] = useState(value("country"));
  const code = country.trim().toUpperCase();
  const zones = /^[A-Z]{2}$/.test(code) && hasSeveralTimeZones(code) ? countryTimeZones(code) : [];

  const field = (name: SignupField, label: string, props: React.ComponentProps<typeof Input> = {}) => (
    <div className="grid min-w-0 gap-2">
      <Label htmlFor={name}>{label}</Label>
      <Input
        id={name}
        name={name}
        defaultValue={value(name)}
        aria-invalid={!!errorOf(name)}
        aria-describedby={errorOf(name) ? `${name}-error` : undefined}
        {...props}
      />
      {errorOf(name) && (
        <p id={`${name}-error`} className="text-sm text-destructive">
          {errorOf(name)}
        </p>
      )}
    </div>
  );

  const select = (
    name: SignupField,
    label: string,
    current: string | undefined,
    options: { value: string; label: string }[],
  ) => (
    <div className="grid min-w-0 gap-2">
      <Label htmlFor={name}>{label}</Label>
      <Select name={name} defaultValue={current}>
        <SelectTrigger
          id={name}
          className="w-full min-w-0 [&>span]:truncate"
          aria-invalid={!!errorOf(name)}
          aria-describedby={errorOf(name) ? `${name}-error` : undefined}
        >
          <SelectValue placeholder="Choose…" />
        </SelectTrigger>
        <SelectContent>
          {options.map((o) => (
            <SelectItem key={o.value} value={o.value}>
              {o.label}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
      {errorOf(name) && (
        <p id={`${name}-error`} className="text-sm text-destructive">
          {errorOf(name)}
        </p>
      )}
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
            <Link
              href={`/merchants/${state.existingId}`}
              className="font-medium text-foreground underline underline-offset-4"
            >
              Open the existing merchant
            </Link>
          </AlertDescription>
        </Alert>
      ) : state?.error ? (
        <Alert variant="destructive">
          <AlertDescription>{state.error}</AlertDescription>
        </Alert>
      ) : null}

      <div className="grid grid-cols-1 gap-5 sm:grid-cols-2">
        {field("company", "Company", { autoComplete: "organization", required: true })}
        {field("shopName", "Shop name", { required: true })}
      </div>
      {field("shopDomain", "Shop domain", { placeholder: "wijnhuis-debron.nl", required: true, spellCheck: false })}
      {/* Selects in a grid: min-w-0 lets a long option label shrink instead of overlapping the next field. */}
      <div className="grid grid-cols-1 gap-5 sm:grid-cols-3">
        {select(
          "cluster",
          "Lightspeed cluster",
          value("cluster") || "eu1",
          CLUSTERS.map((c) => ({ value: c, label: CLUSTER_LABELS[c] })),
        )}
        {select(
          "language",
          "Shop language",
          value("language") || undefined,
          SHOP_LANGUAGES.map((l) => ({ value: l, label: SHOP_LANGUAGE_LABELS[l] })),
        )}
        {/* No maxLength: "NL1" must be refused by the server, not silently cut to "NL". */}
        {field("country", "Country", {
          placeholder: "NL",
          required: true,
          autoComplete: "country",
          onChange: (event) => setCountry(event.currentTarget.value),
        })}
      </div>
      {(zones.length > 0 || errorOf("timeZone")) &&
        select(
          "timeZone",
          "Merchant's time zone",
          zones.includes(value("timeZone")) ? value("timeZone") : undefined,
          zones.map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") })),
        )}
      <div className="grid grid-cols-1 gap-5 sm:grid-cols-2">
        {field("contactName", "Contact name", { autoComplete: "name", required: true })}
        {field("contactEmail", "Contact email", { type: "email", autoComplete: "email", required: true })}
      </div>
      <div className="flex items-center gap-2">
        <Checkbox id="assignToMe" name="assignToMe" defaultChecked={state?.assignToMe ?? true} />
        <Label htmlFor="assignToMe">Assign to me</Label>
      </div>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create merchant"}
        </Button>
      </div>
    </form>
  );
}
