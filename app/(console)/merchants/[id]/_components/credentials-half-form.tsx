"use client";

import { useActionState, useState } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { RECEIVED_CHANNELS } from "@/lib/credentials/forms";
import { recordKeyAction, recordSecretAction } from "../credentials-actions";
import { SubmitButton, submitKeepingValues } from "./action-form";
import {
  CredentialsFieldError,
  CredentialsFormMessage,
  ReceivedAtInput,
  type CredentialsFormState,
} from "./credentials-form-fields";

const COPY = {
  key: {
    title: "Record the API key",
    label: "API key",
    action: recordKeyAction,
    type: "text",
    hint: "32 letters or digits, from the merchant's key email.",
  },
  secret: {
    title: "Record the API secret",
    label: "API secret",
    action: recordSecretAction,
    type: "password",
    hint: "Arrives in a separate email. It is stored encrypted and never shown again here.",
  },
} as const;

/** One half of the pair: the key and the secret arrive separately, so each has its own form. */
export function CredentialsHalfForm({ merchantId, half }: { merchantId: string; half: "key" | "secret" }) {
  const copy = COPY[half];
  // A new key per saved half empties the field: a pasted secret must not linger in the DOM.
  const [round, setRound] = useState(0);
  const [state, formAction, pending] = useActionState<CredentialsFormState, FormData>(async (prev, formData) => {
    const result = await copy.action(prev, formData);
    if (result.ok) setRound((r) => r + 1);
    return result;
  }, null);
  const id = (name: string) => `credentials-${half}-${name}`;
  return (
    <form
      action={formAction}
      onSubmit={submitKeepingValues(formAction)}
      className="grid gap-3 rounded-md border p-4"
      aria-labelledby={id("title")}
      data-testid={`credentials-${half}-form`}
    >
      <h3 id={id("title")} className="text-sm font-medium">
        {copy.title}
      </h3>
      <input type="hidden" name="merchantId" value={merchantId} />
      <div className="grid gap-1.5">
        <Label htmlFor={id("value")}>{copy.label}</Label>
        <Input
          key={round}
          id={id("value")}
          name={half}
          type={copy.type}
          required
          autoComplete="off"
          spellCheck={false}
          className="font-mono"
          aria-describedby={`${id("hint")} ${id("error")}`}
        />
        <p id={id("hint")} className="text-xs text-muted-foreground">
          {copy.hint}
        </p>
        <CredentialsFieldError state={state} name={half} id={id("error")} />
      </div>
      <div className="grid gap-3 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="grid min-w-0 gap-1.5">
          <Label htmlFor={id("received")}>Received at</Label>
          <ReceivedAtInput key={round} id={id("received")} describedBy={id("received-error")} />
          <CredentialsFieldError state={state} name="receivedAt" id={id("received-error")} />
        </div>
        <div className="grid min-w-0 gap-1.5">
          <Label htmlFor={id("via")}>Received via</Label>
          <select
            id={id("via")}
            name="via"
            defaultValue="email"
            className="h-9 rounded-md border bg-transparent px-3 text-sm shadow-xs"
          >
            {Object.entries(RECEIVED_CHANNELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <CredentialsFormMessage state={state} fields={[half, "receivedAt"]} />
        <SubmitButton pending={pending} size="sm" className="ml-auto">
          Save {copy.label.toLowerCase().replace("api ", "")}
        </SubmitButton>
      </div>
    </form>
  );
}
