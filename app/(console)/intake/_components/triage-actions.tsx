"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { assignIntakeAction, dismissIntakeAction } from "../actions";

/** Assign to a merchant (shop domain or contact email) or mark not relevant. */
export function TriageActions({ messageId }: { messageId: string }) {
  const [pending, startTransition] = useTransition();
  const [merchant, setMerchant] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const fieldId = `merchant-${messageId}`;
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = await assignIntakeAction({ messageId, merchant });
          setMessage(
            result.ok
              ? { ok: true, text: result.message ?? "Assigned." }
              : { ok: false, text: result.fieldErrors?.merchant?.[0] ?? result.error },
          );
        });
      }}
    >
      <div className="grid min-w-64 flex-1 gap-1">
        <Label htmlFor={fieldId}>Merchant (shop domain or contact email)</Label>
        <Input
          id={fieldId}
          value={merchant}
          onChange={(e) => setMerchant(e.target.value)}
          placeholder="wijnhuis-debron.nl"
          autoComplete="off"
        />
      </div>
      <Button type="submit" size="sm" disabled={pending || !merchant.trim()}>
        {pending ? "Assigning…" : "Assign"}
      </Button>
      <Button
        type="button"
        size="sm"
        variant="outline"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await dismissIntakeAction({ messageId });
            setMessage({ ok: result.ok, text: result.ok ? (result.message ?? "Done.") : result.error });
          })
        }
      >
        Not relevant
      </Button>
      {message && (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-sm" : "text-sm text-destructive"}>
          {message.text}
        </p>
      )}
    </form>
  );
}
