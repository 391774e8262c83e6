"use client";

import { useActionState, useState } from "react";
import { CopyIcon, EyeIcon, EyeOffIcon } from "@/components/ui/icons";
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
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { revealSecretAction } from "../credentials-actions";
import { repeatsFieldError, SubmitButton, submitKeepingValues } from "./action-form";
import { CredentialsFieldError, CredentialsFormMessage, type CredentialsFormState } from "./credentials-form-fields";

/**
 * Lead/admin only: asks why, then shows the secret once, masked until "Show". Closing the dialog
 * forgets it (the component state is dropped), so it never stays on screen or in the page.
 */
export function CredentialsRevealDialog({
  merchantId,
  credentialId,
  fingerprint,
}: {
  merchantId: string;
  credentialId: string;
  fingerprint: string | null;
}) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm">
          Reveal secret
        </Button>
      </DialogTrigger>
      <DialogContent>
        {open && (
          <RevealForm
            merchantId={merchantId}
            credentialId={credentialId}
            fingerprint={fingerprint}
            onDone={() => setOpen(false)}
          />
        )}
      </DialogContent>
    </Dialog>
  );
}

function RevealForm({
  merchantId,
  credentialId,
  fingerprint,
  onDone,
}: {
  merchantId: string;
  credentialId: string;
  fingerprint: string | null;
  onDone: () => void;
}) {
  const [state, formAction, pending] = useActionState<CredentialsFormState, FormData>(revealSecretAction, null);
  const [visible, setVisible] = useState(false);
  const [copied, setCopied] = useState(false);
  const secret = state?.ok ? (state.data as { secret: string }).secret : null;

  if (secret) {
    return (
      <div className="grid gap-4">
        <DialogHeader>
          <DialogTitle>API secret</DialogTitle>
          <DialogDescription>
            For the key {fingerprint ?? ""}. This reveal was recorded in the audit log with your reason.
          </DialogDescription>
        </DialogHeader>
        <div className="flex items-center gap-2">
          <code
            data-testid="revealed-secret"
            className="min-w-0 flex-1 break-all rounded-md border bg-muted px-3 py-2 font-mono text-sm"
          >
            {visible ? secret : "•".repeat(32)}
          </code>
          <Button
            type="button"
            variant="outline"
            size="icon"
            aria-label={visible ? "Hide secret" : "Show secret"}
            onClick={() => setVisible((v) => !v)}
          >
            {visible ? <EyeOffIcon /> : <EyeIcon />}
          </Button>
          <Button
            type="button"
            variant="outline"
            size="icon"
            aria-label="CopyIcon secret"
            onClick={() =>
              navigator.clipboard.writeText(secret).then(
                () => setCopied(true),
                () => setCopied(false),
              )
            }
          >
            <CopyIcon />
          </Button>
        </div>
        {copied && (
          <p role="status" className="text-sm text-success">
            Copied.
          </p>
        )}
        <DialogFooter>
          <Button type="button" onClick={onDone}>
            Done
          </Button>
        </DialogFooter>
      </div>
    );
  }

  return (
    // Submitted without React's form reset: a refused reason stays in the field to be corrected.
    <form action={formAction} onSubmit={submitKeepingValues(formAction)} className="grid gap-4">
      <DialogHeader>
        <DialogTitle>Reveal the API secret</DialogTitle>
        <DialogDescription>Say why you need it. The reveal is audit-logged with your reason.</DialogDescription>
      </DialogHeader>
      <input type="hidden" name="merchantId" value={merchantId} />
      <input type="hidden" name="credentialId" value={credentialId} />
      <div className="grid gap-2">
        <Label htmlFor="reveal-reason">Reason</Label>
        <Textarea
          id="reveal-reason"
          name="reason"
          required
          minLength={10}
          maxLength={500}
          placeholder="e.g. configuring the Vivino feed by hand"
          aria-describedby="reveal-reason-error"
        />
        <CredentialsFieldError state={state} name="reason" id="reveal-reason-error" />
      </div>
      {state && !state.ok && !repeatsFieldError(state) && <CredentialsFormMessage state={state} />}
      <DialogFooter>
        <Button type="button" variant="outline" onClick={onDone}>
          Back
        </Button>
        <SubmitButton pending={pending}>Reveal</SubmitButton>
      </DialogFooter>
    </form>
  );
}
