"use client";

import { useTimeZone } from "@/components/time/time-zone-provider";
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

/**
 * The form-level outcome. A failure whose message is already shown under one of `fields` is not
 * repeated here (each error shows once); errors for fields the form does not show are listed.
 */
export function CredentialsFormMessage({
  state,
  fields = [],
  className,
}: {
  state: CredentialsFormState;
  fields?: string[];
  className?: string;
}) {
  if (!state) return null;
  const shown = !state.ok ? fields.flatMap((name) => state.fieldErrors?.[name]?.slice(0, 1) ?? []) : [];
  const unshown = !state.ok
    ? Object.entries(state.fieldErrors ?? {})
        .filter(([name]) => !fields.includes(name))
        .flatMap(([, messages]) => messages.slice(0, 1))
    : [];
  const messages = state.ok ? [state.message] : [state.error, ...unshown].filter((m) => !shown.includes(m ?? ""));
  const text = [...new Set(messages.filter(Boolean))].join(" ");
  if (!text) return null;
  return (
    <p
      role={state.ok ? "status" : "alert"}
      className={cn("text-sm", state.ok ? "text-success" : "text-destructive", className)}
    >
      {text}
    </p>
  );
}

/**
 * When a half arrived, as typed by the staff member: day first and 24-hour ("29-11-2026 14:20"),
 * read on the server in their zone (decision 0016). A text field, not `datetime-local`: a
 * browser's own field shows its locale's order and clock (mm/dd/yyyy, AM/PM in a US browser).
 * Empty means "now" at the moment of saving, so a form left open never records a stale time and
 * no browser clock or offset is involved.
 */
export function ReceivedAtInput({
  id,
  name = "receivedAt",
  describedBy,
}: {
  id: string;
  name?: string;
  describedBy?: string;
}) {
  const zone = useTimeZone();
  return (
    <>
      <input
        id={id}
        name={name}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder="dd-mm-yyyy hh:mm"
        aria-describedby={[`${id}-hint`, describedBy].filter(Boolean).join(" ")}
        className="h-9 w-full min-w-0 rounded-md border bg-transparent px-3 py-1 text-sm shadow-xs outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
      />
      <p id={`${id}-hint`} className="text-xs text-muted-foreground">
        Day first, 24-hour. Leave empty for now. Your time zone: {zone}.
      </p>
    </>
  );
}
