import { ChevronDownIcon, CircleCheckIcon, CircleDotIcon, CircleIcon } from "@/components/ui/icons";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { AGENCY_HOW_TO } from "@/lib/onboarding/agency-how-to";
import { OWNER_LABELS } from "@/lib/pipeline/pipeline";
import type { Owner } from "@/lib/pipeline/steps";
import { describeEvidence } from "@/lib/onboarding/workspace/present";
import type { MerchantWorkspace, WorkspaceStep } from "@/lib/onboarding/workspace/types";
import { cn } from "@/lib/utils";
import { TimeStamp } from "@/components/time/time-stamp";
import { StepActions } from "./step-actions";

/** The eight steps of the access guide: who owes each, when it was done and by whom, and the actions. */
export function Checklist({ workspace, timeZone }: { workspace: MerchantWorkspace; timeZone: string }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Checklist</CardTitle>
      </CardHeader>
      <CardContent>
        <ol className="divide-y" aria-label="Onboarding steps">
          {workspace.steps.map((step, index) => (
            <StepRow
              key={step.stage}
              index={index + 1}
              step={step}
              merchantId={workspace.merchant.id}
              canUpdate={workspace.abilities.update}
              ball={workspace.ballInCourt}
              timeZone={timeZone}
            />
          ))}
        </ol>
      </CardContent>
    </Card>
  );
}

function StepRow({
  step,
  index,
  merchantId,
  canUpdate,
  ball,
  timeZone,
}: {
  step: WorkspaceStep;
  index: number;
  merchantId: string;
  canUpdate: boolean;
  ball: Owner | null;
  timeZone: string;
}) {
  // Only open steps are owed. The current step's owner is the header's ball in court (a merchant
  // action can put our step's ball with the merchant), so the two never disagree.
  const owner = step.done ? null : step.isCurrent ? ball : step.owner;
  const howTo = AGENCY_HOW_TO[step.stage];
  const evidence = describeEvidence(step.evidence, timeZone);
  const Icon = step.done ? CircleCheckIcon : step.isCurrent ? CircleDotIcon : CircleIcon;
  return (
    <li
      data-stage={step.stage}
      data-done={step.done}
      aria-current={step.isCurrent ? "step" : undefined}
      className={cn("flex flex-wrap gap-3 py-3", step.isCurrent && "rounded-md bg-accent/40 px-2")}
    >
      <Icon
        className={cn(
          "mt-0.5 size-5 shrink-0",
          step.done ? "text-success" : step.isCurrent ? "text-primary" : "text-muted-foreground",
        )}
        aria-hidden
      />
      {/* basis-48: on a phone the actions wrap under the step instead of squeezing it or widening the page. */}
      <div className="min-w-0 flex-1 basis-48 space-y-1">
        <div className="flex flex-wrap items-center gap-2">
          <span className="font-medium">
            {index}. {step.label}
          </span>
          {owner && <Badge variant={owner === "merchant" ? "warning" : "secondary"}>{OWNER_LABELS[owner]} owes</Badge>}
          {step.isCurrent && <Badge variant="outline">Current step</Badge>}
          {overrideOf(step) && <Badge variant="warning">Override</Badge>}
        </div>
        {step.done && step.completedAt ? (
          <p className="text-sm text-muted-foreground">
            Done <TimeStamp date={step.completedAt} /> by {step.completedBy ? step.completedBy.name : "the system"}
          </p>
        ) : (
          <p className="text-sm text-muted-foreground">{step.description}</p>
        )}
        {overrideOf(step) && (
          <p className="text-sm break-words text-muted-foreground" data-testid="step-override">
            Completed without a healthy verification. Reason: {overrideOf(step)}
          </p>
        )}
        {evidence.length > 0 && (
          <ul className="flex flex-wrap gap-x-3 text-xs text-muted-foreground" aria-label="Evidence">
            {evidence.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
        {step.owner === "merchant" && step.merchantInstructions.length > 0 && (
          <details className="group text-sm" open={step.isCurrent && !step.done}>
            <summary className="flex cursor-pointer list-none items-center gap-1 text-primary">
              <ChevronDownIcon className="size-4 transition-transform group-open:rotate-180" aria-hidden />
              What the merchant does in Lightspeed
            </summary>
            <ol className="mt-2 list-decimal space-y-1 pl-6 text-muted-foreground">
              {step.merchantInstructions.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ol>
          </details>
        )}
        {step.owner === "agency" && howTo && !step.done && (
          <details className="group text-sm" open={step.isCurrent}>
            <summary className="flex cursor-pointer list-none items-center gap-1 text-primary">
              <ChevronDownIcon className="size-4 transition-transform group-open:rotate-180" aria-hidden />
              How we do this step
            </summary>
            <ol className="mt-2 list-decimal space-y-1 pl-6 text-muted-foreground">
              {howTo.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ol>
          </details>
        )}
      </div>
      <div className="ml-auto max-w-full shrink-0">
        <StepActions merchantId={merchantId} step={step} canUpdate={canUpdate} />
      </div>
    </li>
  );
}

/** The reason of a lead/admin override recorded on the step, if it was one. */
function overrideOf(step: WorkspaceStep): string | null {
  const override = step.evidence.override as { reason?: unknown } | undefined;
  return step.done && typeof override?.reason === "string" ? override.reason : null;
}
