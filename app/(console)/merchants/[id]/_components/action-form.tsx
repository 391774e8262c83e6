"use client";

import { startTransition, useActionState, useState, type FormEvent, type ReactNode } from "react";
import { LoaderCircleIcon } from "@/components/ui/icons";
import type { ActionResult } from "@/lib/action-result";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { cn } from "@/lib/utils";

export type FormState = ActionResult | null;
export type FormAction = (prev: FormState, formData: FormData) => Promise<ActionResult>;

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

/** The first message for `name` from the last submission, under the field it belongs to. */
export function FieldError({ state, name }: { state: FormState; name: string }) {
  const message = state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined;
  if (!message) return null;
  return (
    <p id={`${name}-error`} className="text-sm text-destructive">
      {message}
    </p>
  );
}

/**
 * Whether the form-level error only repeats a message already shown under a field (a
 * ValidationError's message is its first field error): then it is shown once, by the field.
 */
export function repeatsFieldError(
  state: { ok: boolean; error?: string; fieldErrors?: Record<string, string[]> } | null,
): boolean {
  if (!state || state.ok) return false;
  return Object.values(state.fieldErrors ?? {}).some((messages) => messages?.[0] === state.error);
}

/** The form-level outcome: the error (unless a field already shows it), or the success message. */
export function FormMessage({ state, className }: { state: FormState; className?: string }) {
  if (!state || repeatsFieldError(state)) return null;
  return (
    <p
      role={state.ok ? "status" : "alert"}
      className={cn("text-sm", state.ok ? "text-success" : "text-destructive", className)}
    >
      {state.ok ? state.message : state.error}
    </p>
  );
}

export function SubmitButton({
  pending,
  children,
  ...props
}: React.ComponentProps<typeof Button> & { pending: boolean }) {
  return (
    <Button type="submit" disabled={pending || props.disabled} aria-disabled={pending} {...props}>
      {pending && <LoaderCircleIcon className="animate-spin" aria-hidden />}
      {children}
    </Button>
  );
}

/**
 * A button that opens a dialog holding one form; the dialog closes when the action succeeds
 * and shows field errors and the pending state while it runs. It submits without React's
 * automatic form reset, so what was typed survives a refused submission.
 */
export function ActionDialog({
  trigger,
  title,
  description,
  action,
  submitLabel,
  destructive,
  children,
}: {
  trigger: ReactNode;
  title: string;
  description?: ReactNode;
  action: FormAction;
  submitLabel: string;
  destructive?: boolean;
  children: (state: FormState) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const [state, formAction, pending] = useActionState<FormState, FormData>(async (prev, formData) => {
    const result = await action(prev, formData);
    if (result.ok) setOpen(false);
    return result;
  }, null);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent>
        <form action={formAction} onSubmit={submitKeepingValues(formAction)} className="grid min-w-0 gap-4">
          <DialogHeader>
            <DialogTitle>{title}</DialogTitle>
            {description && <DialogDescription>{description}</DialogDescription>}
          </DialogHeader>
          {children(state)}
          {state && !state.ok && <FormMessage state={state} />}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              Back
            </Button>
            <SubmitButton pending={pending} variant={destructive ? "destructive" : "default"}>
              {submitLabel}
            </SubmitButton>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** A one-button form (claim, resume, clear) with its pending state and message. */
export function InlineActionForm({
  action,
  fields,
  label,
  variant = "outline",
}: {
  action: FormAction;
  fields: Record<string, string>;
  label: string;
  variant?: React.ComponentProps<typeof Button>["variant"];
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, null);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton pending={pending} variant={variant} size="sm">
        {label}
      </SubmitButton>
      {state && !state.ok && <FormMessage state={state} />}
    </form>
  );
}
