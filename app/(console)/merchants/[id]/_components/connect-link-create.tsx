"use client";

import { useActionState, useState } from "react";
import { CopyIcon } from "@/components/ui/icons";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { createConnectLinkAction } from "../credentials-actions";
import { SubmitButton } from "./action-form";
import { CredentialsFormMessage, type CredentialsFormState } from "./credentials-form-fields";

type Created = { url: string; expiresAt: string; emailedTo: string | null; emailRequested: boolean };

/**
 * Creates a secure link for the merchant. The URL is shown once, right here, to copy: only its
 * hash is stored, so it cannot be shown again later (create a new one instead).
 */
export function ConnectLinkCreate({ merchantId }: { merchantId: string }) {
  const [state, formAction, pending] = useActionState<CredentialsFormState, FormData>(createConnectLinkAction, null);
  const [copied, setCopied] = useState<string | null>(null);
  const created = state?.ok ? (state.data as Created) : null;

  return (
    <div className="grid gap-3">
      <form action={formAction} className="flex flex-wrap items-center gap-3">
        <input type="hidden" name="merchantId" value={merchantId} />
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="emailMerchant" className="size-4" />
          Also email it to the merchant&apos;s contact
        </label>
        <SubmitButton pending={pending} size="sm" variant="outline" className="ml-auto">
          Create secure link
        </SubmitButton>
      </form>
      {state && !state.ok && <CredentialsFormMessage state={state} />}
      {created && (
        <div className="grid gap-2 rounded-md border border-dashed p-3" data-testid="connect-link-created">
          <p className="text-sm">
            CopyIcon this link now; it is shown only once. It works for 7 days, until a healthy key is submitted on it.
            {created.emailedTo && <> Emailed to {created.emailedTo}.</>}
            {created.emailRequested && !created.emailedTo && (
              <span className="text-destructive"> The email could not be sent; send the link yourself.</span>
            )}
          </p>
          <div className="flex gap-2">
            <Input
              readOnly
              value={created.url}
              aria-label="Secure link"
              className="font-mono text-xs"
              onFocus={(e) => e.currentTarget.select()}
            />
            <Button
              type="button"
              variant="outline"
              size="icon"
              aria-label="CopyIcon link"
              onClick={() =>
                navigator.clipboard.writeText(created.url).then(
                  () => setCopied(created.url),
                  () => setCopied(null),
                )
              }
            >
              <CopyIcon />
            </Button>
          </div>
          {copied === created.url && (
            <p role="status" className="text-sm text-success">
              Copied.
            </p>
          )}
        </div>
      )}
    </div>
  );
}
