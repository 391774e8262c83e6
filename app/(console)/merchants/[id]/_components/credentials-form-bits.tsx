"use client";

import { startTransition, useEffect, useRef, type FormEvent } from "react";
import type { ActionResult } from "@/lib/action-result";
import { cn } from "@/lib/utils";

/** Any credentials action's last result (their success data differ). */
export type CredentialsFormState = ActionResult<unknown> | null;

export function CredentialsFieldError({ state, name, id }: { state: CredentialsFormState; name: string; id: string }) {
  const message = state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined;
  if (!message) return null;
  return (
    <p id={id} className="text-sm text-destructive">
      {message}
    </p>
  );
}

export function CredentialsFormMessage({ state, className }: { state: CredentialsFormState; className?: string }) {
  if (!state) return null;
  const text = state.ok ? state.message : state.error;
  if (!text) return null;
  return (
    <p role={state.ok ? "status" : "alert"} className={cn("text-sm", state.ok ? "text-success" : "text-destructive", className)}>
      {text}
    </p>
  );
}

/**
 * A `datetime-local` input that starts at "now" in the viewer's zone (set after hydration, since
 * the server cannot know the zone), plus the zone offset the server needs to read it.
 */
export function ReceivedAtInput({ id, name = "receivedAt", describedBy }: { id: string; name?: string; describedBy?: string }) {
  const input = useRef<HTMLInputElement>(null);
  const offset = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const now = new Date();
    const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    if (input.current && !input.current.value) input.current.value = local;
    if (offset.current) offset.current.value = String(now.getTimezoneOffset());
  }, []);
  return (
    <>
      <input
        ref={input}
        id={id}
        name={name}
        type="datetime-local"
        aria-describedby={describedBy}
        className="h-9 w-full rounded-md border bg-transparent px-3 py-1 text-sm shadow-xs outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
      />
      <input ref={offset} type="hidden" name="tzOffset" defaultValue="0" />
    </>
  );
}

/**
 * Submits a form to a `useActionState` dispatcher without React's automatic form reset, so a
 * rejected paste stays in the field to be corrected (forms reset themselves on success by key).
 * Keep `action` on the form too: before hydration it still POSTs (a secret never goes in a URL).
 */
export function submitKeepingValues(dispatch: (formData: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => dispatch(formData));
  };
}
