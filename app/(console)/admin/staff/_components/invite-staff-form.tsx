"use client";

import { useActionState, useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { ROLES, ROLE_LABELS } from "@/lib/auth/roles";
import { inviteStaffAction } from "../actions";

export function InviteStaffForm() {
  // Controlled fields: React resets uncontrolled forms after every action, which would wipe
  // the input when the server refuses it. Cleared only after a successful invite.
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [state, action, pending] = useActionState(
    async (previous: Awaited<ReturnType<typeof inviteStaffAction>> | null, formData: FormData) => {
      const result = await inviteStaffAction(previous, formData);
      if (result.ok) {
        setName("");
        setEmail("");
      }
      return result;
    },
    null,
  );
  const errors = state && !state.ok ? state.fieldErrors : undefined;

  return (
    <form action={action} className="grid gap-4">
      {state ? (
        <Alert variant={state.ok ? "default" : "destructive"}>
          <AlertDescription data-testid="invite-result">{state.ok ? state.message : state.error}</AlertDescription>
        </Alert>
      ) : null}
      <div className="grid gap-4 md:grid-cols-[1fr_1fr_12rem_auto] md:items-end">
        <Field id="invite-name" label="Name" error={errors?.name?.[0]}>
          <Input
            id="invite-name"
            name="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            maxLength={120}
            aria-invalid={!!errors?.name}
          />
        </Field>
        <Field id="invite-email" label="Email" error={errors?.email?.[0]}>
          <Input
            id="invite-email"
            name="email"
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            required
            aria-invalid={!!errors?.email}
          />
        </Field>
        <Field id="invite-role" label="Role" error={errors?.role?.[0]}>
          <select
            id="invite-role"
            name="role"
            defaultValue="specialist"
            className="h-9 rounded-md border border-input bg-transparent px-3 text-sm shadow-xs"
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
        </Field>
        <Button type="submit" disabled={pending}>
          {pending ? "Inviting…" : "Send invite"}
        </Button>
      </div>
    </form>
  );
}

function Field({
  id,
  label,
  error,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  children: React.ReactNode;
}) {
  return (
    <div className="grid gap-2">
      <Label htmlFor={id}>{label}</Label>
      {children}
      {error ? <p className="text-xs text-destructive">{error}</p> : null}
    </div>
  );
}
