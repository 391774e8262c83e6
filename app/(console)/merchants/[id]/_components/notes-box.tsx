"use client";

import { useActionState, useState } from "react";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { addNoteAction } from "../actions";
import { FieldError, FormMessage, SubmitButton, type FormState } from "./action-form";

/** A note for the timeline. Notes are allowed even on cancelled merchants. */
export function NotesBox({ merchantId }: { merchantId: string }) {
  // A new key after each saved note empties the textarea (uncontrolled, so typing stays cheap).
  const [round, setRound] = useState(0);
  const [state, formAction, pending] = useActionState<FormState, FormData>(async (prev, formData) => {
    const result = await addNoteAction(prev, formData);
    if (result.ok) setRound((r) => r + 1);
    return result;
  }, null);
  return (
    <form action={formAction} className="grid gap-2">
      <input type="hidden" name="merchantId" value={merchantId} />
      <Label htmlFor="note">Add a note</Label>
      <Textarea
        key={round}
        id="note"
        name="note"
        required
        maxLength={5000}
        placeholder="Called the owner; the key follows after the weekend."
        aria-describedby="note-error"
      />
      <FieldError state={state} name="note" />
      <div className="flex items-center justify-between gap-2">
        <FormMessage state={state} />
        <SubmitButton pending={pending} size="sm" className="ml-auto">
          Add note
        </SubmitButton>
      </div>
    </form>
  );
}
