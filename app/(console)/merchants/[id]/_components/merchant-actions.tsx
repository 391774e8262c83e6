"use client";

import { BanIcon, TriangleAlertIcon } from "@/components/ui/icons";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import type { MerchantWorkspace } from "@/lib/onboarding/workspace/types";
import { cancelAction, askMerchantToActAction, resumeAction } from "../actions";
import { ActionDialog, FieldError, InlineActionForm } from "./action-form";
import { HoldDialog } from "./hold-dialog";

/** Hold / resume, "ask the merchant to act", and cancel (leads and admins, behind a confirmation). */
export function MerchantActions({ workspace }: { workspace: MerchantWorkspace }) {
  const m = workspace.merchant;
  const { update, cancel } = workspace.abilities;
  if (m.cancelledAt || (!update && !cancel)) return null;
  const id = <input type="hidden" name="merchantId" value={m.id} />;
  return (
    <div className="flex flex-wrap items-center gap-2" aria-label="Merchant actions">
      {update && m.onHold && <InlineActionForm action={resumeAction} fields={{ merchantId: m.id }} label="Resume" />}
      {update && <HoldDialog merchantId={m.id} onHold={m.onHold} reason={m.holdReason} until={m.holdUntil} />}
      {update && !m.merchantActionRequired && (
        <ActionDialog
          trigger={
            <Button variant="outline" size="sm">
              <TriangleAlertIcon aria-hidden /> Ask merchant to act
            </Button>
          }
          title="Ask the merchant to act"
          description="The ball goes to the merchant until this is resolved, even if the current step is ours. The merchant gets the reminder email with every open step at once."
          action={askMerchantToActAction}
          submitLabel="Ask merchant"
        >
          {(state) => (
            <>
              {id}
              <div className="grid gap-2">
                <Label htmlFor="action-reason">What must the merchant do?</Label>
                <Textarea
                  id="action-reason"
                  name="reason"
                  required
                  minLength={3}
                  placeholder="e.g. Tick these checkboxes: Orders → Write"
                />
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
              <BanIcon aria-hidden /> Cancel merchant
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
                <Textarea
                  id="cancel-reason"
                  name="reason"
                  required
                  minLength={3}
                  placeholder="e.g. merchant chose another feed partner"
                />
                <FieldError state={state} name="reason" />
              </div>
            </>
          )}
        </ActionDialog>
      )}
    </div>
  );
}
