"use client";

import { startTransition, useActionState, useState, type FormEvent } from "react";
import { CircleCheckIcon, EyeIcon, EyeOffIcon, LoaderCircleIcon, TriangleAlertIcon } from "@/components/ui/icons";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { MERCHANT_PAGE_COPY, type ReminderLanguage } from "@/lib/reminders/page/page-copy";
import { submitConnectAction } from "./actions";

/**
 * Key + secret form of the public connect page. The answer comes from verifying the pair on the
 * spot; the merchant may fix the key in Lightspeed and submit again until it is connected.
 * `language`: the merchant's own page embeds it in the shop's language (the answers too).
 */
export function ConnectForm({ token, language = "en" }: { token: string; language?: ReminderLanguage }) {
  const copy = MERCHANT_PAGE_COPY[language].form;
  const [state, action, pending] = useActionState(submitConnectAction, null);
  const [showSecret, setShowSecret] = useState(false);
  const result = state?.ok ? state.data : null;
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  // Once hydrated, submit by hand: React's `<form action>` would empty the fields after every
  // answer, and a merchant who just ticked the missing checkboxes should only press "Check again".
  // `action` stays for the moment before hydration (a POST; the secret never goes in a URL).
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => action(formData));
  };

  if (result?.outcome === "connected") {
    return (
      <Alert data-testid="connect-result" data-outcome="connected">
        <CircleCheckIcon className="text-success" aria-hidden />
        <AlertTitle>{copy.titles.connected}</AlertTitle>
        <AlertDescription>{result.message}</AlertDescription>
      </Alert>
    );
  }

  return (
    <form action={action} onSubmit={onSubmit} className="grid gap-4">
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="language" value={language} />
      {state && !state.ok && (
        <Alert variant="destructive" data-testid="connect-error">
          <AlertDescription>{state.error}</AlertDescription>
        </Alert>
      )}
      {result && (
        <Alert
          variant={result.outcome === "rejected" || result.outcome === "wrong_shop" ? "destructive" : "warning"}
          data-testid="connect-result"
          data-outcome={result.outcome}
        >
          <TriangleAlertIcon aria-hidden />
          <AlertTitle>{copy.titles[result.outcome]}</AlertTitle>
          <AlertDescription>
            <p>{result.message}</p>
            {result.missing.length > 0 && (
              <ul className="list-disc pl-5" aria-label={copy.uncheckedList}>
                {result.missing.map((label) => (
                  <li key={label}>{label}</li>
                ))}
              </ul>
            )}
          </AlertDescription>
        </Alert>
      )}
      <div className="grid gap-2">
        <Label htmlFor="key">{copy.key}</Label>
        <Input
          id="key"
          name="key"
          required
          autoComplete="off"
          spellCheck={false}
          className="font-mono"
          aria-invalid={!!fieldErrors?.key}
          aria-describedby="key-error"
        />
        {fieldErrors?.key && (
          <p id="key-error" className="text-sm text-destructive">
            {fieldErrors.key[0]}
          </p>
        )}
      </div>
      <div className="grid gap-2">
        <Label htmlFor="secret">{copy.secret}</Label>
        <div className="flex gap-2">
          <Input
            id="secret"
            name="secret"
            type={showSecret ? "text" : "password"}
            required
            autoComplete="off"
            spellCheck={false}
            className="font-mono"
            aria-invalid={!!fieldErrors?.secret}
            aria-describedby="secret-error"
          />
          <Button
            type="button"
            variant="outline"
            size="icon"
            aria-label={showSecret ? copy.hideSecret : copy.showSecret}
            onClick={() => setShowSecret((v) => !v)}
          >
            {showSecret ? <EyeOffIcon /> : <EyeIcon />}
          </Button>
        </div>
        {fieldErrors?.secret && (
          <p id="secret-error" className="text-sm text-destructive">
            {fieldErrors.secret[0]}
          </p>
        )}
      </div>
      <Button type="submit" disabled={pending}>
        {pending && <LoaderCircleIcon className="animate-spin" aria-hidden />}
        {pending ? copy.checking : result ? copy.checkAgain : copy.submit}
      </Button>
      <p className="text-xs text-muted-foreground">{copy.footer}</p>
    </form>
  );
}
