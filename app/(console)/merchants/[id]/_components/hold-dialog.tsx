"use client";

import { useActionState, useState } from "react";
import { CirclePauseIcon } from "@/components/ui/icons";
import { DayInput } from "@/components/time/day-input";
import { useTimeZone } from "@/components/time/time-zone-provider";
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
import { formatEndOfDay, isStartOfDay, parseLocalDate, toTypedDate } from "@/lib/time";
import { holdAction } from "../actions";
import { FieldError, FormMessage, SubmitButton, submitKeepingValues, type FormState } from "./action-form";

/** The date a hold's exclusive end stands for in `zone` ("through 5 Dec" ends at 6 Dec 00:00). */
function lastHeldDay(until: Date | null, zone: string): string {
  if (!until) return "";
  const day = isStartOfDay(until, zone) ? new Date(until.getTime() - 1) : until;
  return toTypedDate(day, zone);
}

/**
 * Put on hold / change the hold. "Until 5 Dec" means through the whole of 5 December in the
 * staff member's zone (the server reads the date in it); the line under the field says so in
 * words. A text field typed day first (a browser's date field shows its locale's order). The form is submitted without React's
 * reset, so what was typed survives a server error; the dialog closes on success.
 */
export function HoldDialog({
  merchantId,
  onHold,
  reason,
  until,
}: {
  merchantId: string;
  onHold: boolean;
  reason: string | null;
  until: Date | null;
}) {
  const zone = useTimeZone();
  const [open, setOpen] = useState(false);
  const [day, setDay] = useState(() => lastHeldDay(until, zone));
  const [state, dispatch, pending] = useActionState<FormState, FormData>(async (prev, formData) => {
    const result = await holdAction(prev, formData);
    if (result.ok) setOpen(false);
    return result;
  }, null);
  const end = day ? parseLocalDate(day, zone)?.end : undefined;
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (next) setDay(lastHeldDay(until, zone)); // the current hold, as saved
        setOpen(next);
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline" size="sm">
          <CirclePauseIcon aria-hidden /> {onHold ? "Change hold" : "Put on hold"}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <form action={dispatch} onSubmit={submitKeepingValues(dispatch)} className="grid gap-4" data-testid="hold-form">
          <DialogHeader>
            <DialogTitle>{onHold ? "Change the hold" : "Put on hold"}</DialogTitle>
            <DialogDescription>
              Reminders and waiting-time alerts skip a merchant on hold. Steps can still be completed.
            </DialogDescription>
          </DialogHeader>
          <input type="hidden" name="merchantId" value={merchantId} />
          <div className="grid gap-2">
            <Label htmlFor="hold-reason">Reason</Label>
            <Textarea
              id="hold-reason"
              name="reason"
              required
              minLength={3}
              defaultValue={reason ?? ""}
              placeholder="e.g. shop closed for the harvest holidays"
              aria-describedby="reason-error"
            />
            <FieldError state={state} name="reason" />
          </div>
          <div className="grid gap-2">
            <Label htmlFor="hold-until">Until (optional)</Label>
            <DayInput
              id="hold-until"
              name="until"
              value={day}
              onChange={(e) => setDay(e.target.value)}
              aria-describedby="hold-until-hint until-error"
            />
            <p id="hold-until-hint" className="text-xs text-muted-foreground" data-testid="hold-until-hint">
              {end
                ? `On hold through ${formatEndOfDay(end, zone)}.`
                : `The hold lasts through the chosen day, in your time zone (${zone}).`}
            </p>
            <FieldError state={state} name="until" />
          </div>
          {state && !state.ok && <FormMessage state={state} />}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              Back
            </Button>
            <SubmitButton pending={pending}>{onHold ? "Save hold" : "Put on hold"}</SubmitButton>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
