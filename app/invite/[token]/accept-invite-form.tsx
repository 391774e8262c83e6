"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { acceptInviteAction } from "./actions";

export function AcceptInviteForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState(acceptInviteAction, null);
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  // The alert is for errors no field shows (expired link…); a field's own error is shown once, under it.
  const formError =
    state && !state.ok && !Object.values(fieldErrors ?? {}).some((m) => m?.[0] === state.error) ? state.error : null;
  // Without React's automatic form reset, the typed passwords survive a refused submission.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => action(formData));
  };

  return (
    <form action={action} onSubmit={submit} className="grid gap-4">
      <input type="hidden" name="token" value={token} />
      {formError ? (
        <Alert variant="destructive">
          <AlertDescription>{formError}</AlertDescription>
        </Alert>
      ) : null}
      <div className="grid gap-2">
        <Label htmlFor="password">New password</Label>
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={12}
          required
          aria-invalid={!!fieldErrors?.password}
        />
        <p className={fieldErrors?.password ? "text-xs text-destructive" : "text-xs text-muted-foreground"}>
          {fieldErrors?.password?.[0] ?? "At least 12 characters; a passphrase works well."}
        </p>
      </div>
      <div className="grid gap-2">
        <Label htmlFor="passwordConfirm">Repeat the password</Label>
        <Input
          id="passwordConfirm"
          name="passwordConfirm"
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={!!fieldErrors?.passwordConfirm}
        />
        {fieldErrors?.passwordConfirm ? (
          <p className="text-xs text-destructive">{fieldErrors.passwordConfirm[0]}</p>
        ) : null}
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Set password"}
      </Button>
    </form>
  );
}
