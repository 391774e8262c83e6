"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { CircleAlertIcon } from "@/components/ui/icons";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";

/**
 * Posts to next-auth's credentials endpoint without a full-page redirect, so the server's
 * message (wrong password, throttled, invalid input) is shown right here. Validation happens
 * on the server (lib/auth/sign-in.ts); the browser's checks only save a round trip.
 */
export function LoginForm({
  callbackUrl,
  initialError,
  initialEmail,
}: {
  callbackUrl: string;
  initialError?: string;
  initialEmail: string;
}) {
  const router = useRouter();
  const [error, setError] = useState(initialError);
  const [pending, startTransition] = useTransition();

  function submit(formData: FormData) {
    startTransition(async () => {
      setError(undefined);
      const result = await signIn("credentials", {
        email: String(formData.get("email") ?? ""),
        password: String(formData.get("password") ?? ""),
        redirect: false,
      });
      if (!result || result.error || !result.ok) {
        setError(result?.error === "CredentialsSignin" || !result?.error ? "Invalid email or password." : result.error);
        return;
      }
      // Checked again here against the page's own origin: the prop is the only way off this page.
      router.replace(safeCallbackUrl(callbackUrl, window.location.origin));
      router.refresh();
    });
  }

  return (
    <form action={submit} className="grid gap-4">
      {error ? (
        <Alert variant="destructive" aria-live="polite">
          <CircleAlertIcon />
          <AlertDescription data-testid="login-error">{error}</AlertDescription>
        </Alert>
      ) : null}
      <div className="grid gap-2">
        <Label htmlFor="email">Email</Label>
        <Input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          defaultValue={initialEmail}
          required
          autoFocus
        />
      </div>
      <div className="grid gap-2">
        <Label htmlFor="password">Password</Label>
        <Input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
