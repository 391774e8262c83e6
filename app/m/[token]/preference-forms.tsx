"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { MERCHANT_PAGE_COPY, type ReminderLanguage } from "@/lib/reminders/page/page-copy";
import { snoozeAction, unsubscribeAction } from "./actions";

function Message({ state }: { state: { ok: boolean; message?: string; error?: string } | null }) {
  if (!state) return null;
  return (
    <p role={state.ok ? "status" : "alert"} className={state.ok ? "text-sm text-success" : "text-sm text-destructive"}>
      {state.ok ? state.message : state.error}
    </p>
  );
}

/** Snooze ("remind me after") and unsubscribe: buttons, never plain links, so a mail scanner changes nothing. */
export function PreferenceForms({
  token,
  focus,
  language,
}: {
  token: string;
  focus?: string;
  language: ReminderLanguage;
}) {
  const copy = MERCHANT_PAGE_COPY[language].preferences;
  const [snoozed, snooze, snoozing] = useActionState(snoozeAction, null);
  const [left, leave, leaving] = useActionState(unsubscribeAction, null);
  return (
    <div className="grid gap-4">
      <form action={snooze} className="grid gap-2" data-focus={focus === "snooze" || undefined}>
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="language" value={language} />
        <Label htmlFor="until">{copy.remindAfter}</Label>
        <div className="flex flex-wrap gap-2">
          <Input id="until" name="until" type="date" required className="max-w-48" autoFocus={focus === "snooze"} />
          <Button type="submit" variant="outline" disabled={snoozing}>
            {copy.snooze}
          </Button>
        </div>
        <Message state={snoozed} />
      </form>
      <form action={leave} className="grid gap-2">
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="language" value={language} />
        <Button
          type="submit"
          variant={focus === "unsubscribe" ? "destructive" : "ghost"}
          disabled={leaving}
          className="justify-self-start"
        >
          {copy.unsubscribe}
        </Button>
        <Message state={left} />
      </form>
    </div>
  );
}
