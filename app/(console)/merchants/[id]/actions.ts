"use server";

import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { runAction, type ActionResult } from "@/lib/action-result";
import type { StaffActor } from "@/lib/auth/actor";
import { requireActor } from "@/lib/auth/session";
import { actorTimeZone } from "@/lib/staff/time-zone";
import {
  addNote,
  assignMerchants,
  cancelMerchant,
  clearMerchantAction,
  completeStep,
  holdMerchant,
  resumeMerchant,
  undoStep,
} from "@/lib/onboarding";
import { askMerchantToAct } from "@/lib/reminders/ask-merchant-to-act";
import { listTimeline, type TimelinePage } from "@/lib/onboarding/workspace";
import {
  assignFormSchema,
  cancelFormSchema,
  claimFormSchema,
  clearActionFormSchema,
  completeStepFormSchema,
  formDataObject,
  holdFormSchema,
  noteFormSchema,
  requireActionFormSchema,
  resumeFormSchema,
  timelinePageSchema,
  undoStepFormSchema,
} from "@/lib/onboarding/workspace/forms";
import { overrideStepFormSchema } from "@/lib/onboarding/workspace/override-form";

/**
 * The workspace's server actions: parse the form with its zod schema, call the onboarding verb
 * (which authorizes the actor and enforces the rules), refresh the page. Errors come back as an
 * ActionResult with field errors for the form to show.
 */
type FormState = ActionResult | null;

async function handle<S extends z.ZodType<{ merchantId: string }>>(
  schema: S,
  formData: FormData,
  verb: (actor: StaffActor, input: z.output<S>) => Promise<unknown>,
  message: string,
): Promise<ActionResult> {
  return runAction(async (): Promise<undefined> => {
    const actor = await requireActor();
    // Dates in forms are read in the staff member's zone, never one the browser claims.
    const input = schema.parse({ ...formDataObject(formData), timeZone: actorTimeZone(actor) });
    await verb(actor, input);
    revalidatePath(`/merchants/${input.merchantId}`);
    revalidatePath("/queue");
  }, message);
}

export async function completeStepAction(_prev: FormState, formData: FormData) {
  return handle(completeStepFormSchema, formData, (actor, input) => completeStep(actor, input), "Step completed.");
}
export async function undoStepAction(_prev: FormState, formData: FormData) {
  return handle(undoStepFormSchema, formData, (actor, input) => undoStep(actor, input), "Step undone.");
}
export async function holdAction(_prev: FormState, formData: FormData) {
  return handle(holdFormSchema, formData, (actor, input) => holdMerchant(actor, input), "Merchant put on hold.");
}
export async function resumeAction(_prev: FormState, formData: FormData) {
  return handle(resumeFormSchema, formData, (actor, input) => resumeMerchant(actor, input), "Merchant resumed.");
}
export async function cancelAction(_prev: FormState, formData: FormData) {
  return handle(cancelFormSchema, formData, (actor, input) => cancelMerchant(actor, input), "Merchant cancelled.");
}
export async function assignAction(_prev: FormState, formData: FormData) {
  return handle(
    assignFormSchema,
    formData,
    (actor, { merchantId, specialistId }) => assignMerchants(actor, { merchantIds: [merchantId], specialistId }),
    "Assignment saved.",
  );
}
export async function claimAction(_prev: FormState, formData: FormData) {
  return handle(
    claimFormSchema,
    formData,
    (actor, { merchantId }) => assignMerchants(actor, { merchantIds: [merchantId], specialistId: actor.id }),
    "Assigned to you.",
  );
}
export async function addNoteAction(_prev: FormState, formData: FormData) {
  return handle(noteFormSchema, formData, (actor, input) => addNote(actor, input), "Note added.");
}
export async function askMerchantToActAction(_prev: FormState, formData: FormData) {
  return handle(
    requireActionFormSchema,
    formData,
    (actor, input) => askMerchantToAct(actor, input),
    "The merchant has been asked to act; the email is on its way.",
  );
}
export async function clearAskToActAction(_prev: FormState, formData: FormData) {
  return handle(
    clearActionFormSchema,
    formData,
    (actor, input) => clearMerchantAction(actor, input),
    "Merchant action cleared.",
  );
}

/** "Load more" on the timeline: the next older page. */
export async function loadTimelinePageAction(merchantId: string, before: string): Promise<ActionResult<TimelinePage>> {
  return runAction(async () => {
    const actor = await requireActor();
    const input = timelinePageSchema.parse({ merchantId, before });
    return listTimeline(actor, input.merchantId, { before: input.before });
  });
}

export async function overrideStepAction(_prev: FormState, formData: FormData) {
  return handle(
    overrideStepFormSchema,
    formData,
    (actor, input) => completeStep(actor, input),
    "Step completed as an override.",
  );
}
