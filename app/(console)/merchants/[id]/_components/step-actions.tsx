"use client";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { EVIDENCE_FIELDS, RECEIVED_VIA, type EvidenceField } from "@/lib/onboarding/workspace/forms";
import type { WorkspaceStep } from "@/lib/onboarding/workspace/types";
import { completeStepAction, overrideStepAction, undoStepAction } from "../actions";
import { ActionDialog, FieldError, type FormState } from "./action-form";

/**
 * Complete or undo one step. The buttons follow the rules' verdict (disabled with the reason when
 * a prerequisite is missing); the server applies the same rules again on submit.
 */
export function StepActions({
  merchantId,
  step,
  canUpdate,
}: {
  merchantId: string;
  step: WorkspaceStep;
  canUpdate: boolean;
}) {
  if (!canUpdate) return null;
  if (step.done) {
    if (!step.undo.ok) return step.stage === "signed_up" ? null : <Refusal reason={step.undo.reason} />;
    return (
      <ActionDialog
        trigger={
          <Button variant="ghost" size="sm">
            Undo
          </Button>
        }
        title={`Undo “${step.label}”`}
        description="The step goes back to not done. The history keeps the completion and your reason."
        action={undoStepAction}
        submitLabel="Undo step"
        destructive
      >
        {(state) => (
          <>
            <Hidden merchantId={merchantId} stage={step.stage} />
            <div className="grid gap-2">
              <Label htmlFor={`undo-reason-${step.stage}`}>Reason</Label>
              <Textarea
                id={`undo-reason-${step.stage}`}
                name="reason"
                required
                minLength={3}
                placeholder="e.g. the key belonged to the staging shop"
              />
              <FieldError state={state} name="reason" />
            </div>
          </>
        )}
      </ActionDialog>
    );
  }
  if (step.override?.ok) return <OverrideDialog merchantId={merchantId} step={step} />;
  if (!step.complete.ok) return <Refusal reason={step.complete.reason} disabledLabel="Mark done" />;
  const fields = EVIDENCE_FIELDS[step.stage] ?? [];
  return (
    <ActionDialog
      trigger={
        <Button variant={step.isCurrent ? "default" : "outline"} size="sm">
          Mark done
        </Button>
      }
      title={`Complete “${step.label}”`}
      description={step.description}
      action={completeStepAction}
      submitLabel="Mark done"
    >
      {(state) => (
        <>
          <Hidden merchantId={merchantId} stage={step.stage} />
          {fields.map((field) => (
            <EvidenceInput key={field.name} field={field} stage={step.stage} state={state} />
          ))}
          <div className="grid gap-2">
            <Label htmlFor={`note-${step.stage}`}>Note (optional)</Label>
            <Textarea id={`note-${step.stage}`} name="note" maxLength={2000} />
            <FieldError state={state} name="note" />
          </div>
        </>
      )}
    </ActionDialog>
  );
}

/** Leads and admins only: complete a step against its evidence rule, saying why (recorded as an override). */
function OverrideDialog({ merchantId, step }: { merchantId: string; step: WorkspaceStep }) {
  return (
    <div className="flex flex-col items-end gap-1 text-right">
      <ActionDialog
        trigger={
          <Button variant="outline" size="sm">
            Override…
          </Button>
        }
        title={`Override “${step.label}”`}
        description="This step is normally completed by a healthy verification of the active key. Marking it done by hand is recorded as an override with your reason, on the checklist and the timeline."
        action={overrideStepAction}
        submitLabel="Mark done as override"
        destructive
      >
        {(state) => (
          <>
            <Hidden merchantId={merchantId} stage={step.stage} />
            <div className="grid gap-2">
              <Label htmlFor={`override-reason-${step.stage}`}>Reason</Label>
              <Textarea
                id={`override-reason-${step.stage}`}
                name="overrideReason"
                required
                minLength={10}
                placeholder="e.g. Lightspeed support confirmed the key during their API outage"
              />
              <FieldError state={state} name="overrideReason" />
            </div>
          </>
        )}
      </ActionDialog>
      {!step.complete.ok && <p className="max-w-64 text-xs text-muted-foreground">{step.complete.reason}</p>}
    </div>
  );
}

function Hidden({ merchantId, stage }: { merchantId: string; stage: string }) {
  return (
    <>
      <input type="hidden" name="merchantId" value={merchantId} />
      <input type="hidden" name="stage" value={stage} />
    </>
  );
}

function Refusal({ reason, disabledLabel }: { reason: string; disabledLabel?: string }) {
  return (
    <div className="flex flex-col items-end gap-1 text-right">
      {disabledLabel && (
        <Button variant="outline" size="sm" disabled title={reason}>
          {disabledLabel}
        </Button>
      )}
      <p className="max-w-64 text-xs text-muted-foreground">{reason}</p>
    </div>
  );
}

function EvidenceInput({ field, stage, state }: { field: EvidenceField; stage: string; state: FormState }) {
  const id = `${stage}-${field.name}`;
  if (field.kind === "checkbox") {
    return (
      <div className="grid gap-1">
        <label htmlFor={id} className="flex items-center gap-2 text-sm">
          <input id={id} type="checkbox" name={field.name} defaultChecked className="size-4 accent-primary" />
          {field.label}
        </label>
        <FieldError state={state} name={field.name} />
      </div>
    );
  }
  return (
    <div className="grid gap-2">
      <Label htmlFor={id}>{field.label}</Label>
      {field.kind === "via" ? (
        <select id={id} name="via" defaultValue="email" className="h-9 rounded-md border bg-background px-3 text-sm">
          {Object.entries(RECEIVED_VIA).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      ) : (
        <Input
          id={id}
          name={field.name}
          {...(field.kind === "datetime"
            ? // Day first and 24-hour whatever the browser's locale (see ReceivedAtInput).
              { type: "text", inputMode: "numeric" as const, autoComplete: "off", placeholder: "dd-mm-yyyy hh:mm" }
            : { type: field.kind, placeholder: "placeholder" in field ? field.placeholder : undefined })}
          aria-describedby={`${field.name}-error`}
        />
      )}
      <FieldError state={state} name={field.name} />
    </div>
  );
}
