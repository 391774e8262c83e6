import { CirclePauseIcon, CircleXIcon, TriangleAlertIcon } from "@/components/ui/icons";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import type { MerchantWorkspace } from "@/lib/onboarding/workspace/types";
import { clearAskToActAction } from "../actions";
import { InlineActionForm } from "./action-form";
import { TimeStamp } from "@/components/time/time-stamp";

/** Cancelled, on hold, and "the merchant must act": the states that change what anyone should do next. */
export function StatusBanners({ workspace }: { workspace: MerchantWorkspace }) {
  const m = workspace.merchant;
  return (
    <div className="space-y-3 empty:hidden">
      {m.cancelledAt && (
        <Alert variant="destructive" data-testid="cancelled-banner">
          <CircleXIcon aria-hidden />
          <AlertTitle>
            Cancelled <TimeStamp date={m.cancelledAt} mode="relative" />
          </AlertTitle>
          <AlertDescription>{m.cancelReason ?? "No reason recorded."} Only notes can be added now.</AlertDescription>
        </Alert>
      )}
      {m.onHold && !m.cancelledAt && (
        <Alert variant="warning" data-testid="hold-banner">
          <CirclePauseIcon aria-hidden />
          <AlertTitle>
            On hold
            {m.holdUntil && (
              <>
                {" "}
                until <TimeStamp date={m.holdUntil} mode="end-of-day" />
              </>
            )}
          </AlertTitle>
          <AlertDescription>
            {m.holdReason ?? "No reason recorded."} Steps can still be completed while on hold.
          </AlertDescription>
        </Alert>
      )}
      {m.merchantActionRequired && !m.cancelledAt && (
        <Alert variant="warning" data-testid="action-required-banner">
          <TriangleAlertIcon aria-hidden />
          <AlertTitle>The merchant must act</AlertTitle>
          <AlertDescription className="space-y-2">
            <p>{m.merchantActionRequired}</p>
            {workspace.abilities.update && (
              <InlineActionForm action={clearAskToActAction} fields={{ merchantId: m.id }} label="Mark as resolved" />
            )}
          </AlertDescription>
        </Alert>
      )}
    </div>
  );
}
