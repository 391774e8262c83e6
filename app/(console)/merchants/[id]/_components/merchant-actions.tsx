"use client";

import { Ban, CirclePause, TriangleAlert } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import type { MerchantWorkspace } from "@/lib/onboarding/workspace/types";
import { cancelAction, holdAction, requireMerchantActionAction, resumeAction } from "../actions";
import { ActionDialog, FieldError, InlineActionForm, TimezoneOffsetField } from "./form-bits";

/** Hold / resume, "ask the merchant to act", and cancel (leads and admins, behind a confirmation). */
export function MerchantActions({ workspace }: { workspace: MerchantWorkspace }) {
  const m = workspace.merchant;
  const { update, cancel } = workspace.abilities;
  if (m.cancelledAt || (!update && !cancel)) return null;
  const id = <input type="hidden" name="merchantId" value={m.id} />;
  return (
    <div className="flex flex-wrap items-center gap-2" aria-label="Merchant actions">
      {update && m.onHold && <InlineActionForm action={resumeAction} fields={{ merchantId: m.id }} label="Resume" />}
      {update && (
        <ActionDialog
          trigger={
            <Button variant="outline" size="sm">
              <CirclePause aria-hidden /> {m.onHold ? "Change hold" : "Put on hold"}
            </Button>
          }
          title={m.onHold ? "Change the hold" : "Put on hold"}
          description="Reminders and waiting-time alerts skip a merchant on hold. Steps can still be completed."
          action={holdAction}
          submitLabel={m.onHold ? "Save hold" : "Put on hold"}
        >
          {(state) => (
            <>
              {id}
              <TimezoneOffsetField />
              <div className="grid gap-2">
                <Label htmlFor="hold-reason">Reason</Label>
                <Textarea id="hold-reason" name="reason" required minLength={3} defaultValue={m.holdReason ?? ""} placeholder="e.g. shop closed for the harvest holidays" />
                <FieldError state={state} name="reason" />
              </div>
              <div className="grid gap-2">
                <Label htmlFor="hold-until">Until (optional, the hold ends after this day)</Label>
                <Input id="hold-until" name="until" type="date" />
                <FieldError state={state} name="until" />
              </div>
            </>
          )}
        </ActionDialog>
      )}
      {update && !m.merchantActionRequired && (
        <ActionDialog
          trigger={
            <Button variant="outline" size="sm">
              <TriangleAlert aria-hidden /> Ask merchant to act
            </Button>
          }
          title="Ask the merchant to act"
          description="The ball goes to the merchant until this is resolved, even if the current step is ours."
          action={requireMerchantActionAction}
          submitLabel="Ask merchant"
        >
          {(state) => (
            <>
              {id}
              <div className="grid gap-2">
                <Label htmlFor="action-reason">What must the merchant do?</Label>
                <Textarea id="action-reason" name="reason" required minLength={3} placeholder="e.g. Tick these checkboxes: Orders → Write" />
                <FieldError state={state} name="reason" />
              </div>
            </>
          )}
        </ActionDialog>
      )}
      {cancel && (
        <ActionDialog
          trigger={
            <Button variant="ghost" size="sm" className="text-destructive">
              <Ban aria-hidden /> Cancel merchant
            </Button>
          }
          title={`Cancel ${m.company}?`}
          description="A cancelled merchant leaves the queue and accepts no further changes except notes. This cannot be undone from the console."
          action={cancelAction}
          submitLabel="Cancel merchant"
          destructive
        >
          {(state) => (
            <>
              {id}
              <div className="grid gap-2">
                <Label htmlFor="cancel-reason">Reason</Label>
                <Textarea id="cancel-reason" name="reason" required minLength={3} placeholder="e.g. merchant chose another feed partner" />
                <FieldError state={state} name="reason" />
              </div>
            </>
          )}
        </ActionDialog>
      )}
    </div>
  );
}
