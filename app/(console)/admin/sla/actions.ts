"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/action-result";
import { requireActor } from "@/lib/auth/session";
import { STEPS } from "@/lib/pipeline/steps";
import { publishSlaPolicy } from "@/lib/sla/publish-sla-policy";
import { updateAgencyCalendar } from "@/lib/sla/update-agency-calendar";

const text = (formData: FormData, name: string) => String(formData.get(name) ?? "");

/** Saves the agency calendar (the verb validates and audits). */
export async function updateAgencyCalendarAction(
  _prev: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(async (): Promise<undefined> => {
    const actor = await requireActor();
    await updateAgencyCalendar(actor, {
      timeZone: text(formData, "timeZone"),
      days: formData.getAll("days").map(String).join(","),
      hours: `${text(formData, "hoursStart")}-${text(formData, "hoursEnd")}`,
      country: text(formData, "country"),
      closed: text(formData, "closed"),
    });
    revalidatePath("/admin/sla");
    revalidatePath("/queue");
  }, "Agency calendar saved. Due times are being recomputed.");
}

/** Publishes a new policy version from the form's hours (the verb validates and audits). */
export async function publishSlaPolicyAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction(async (): Promise<undefined> => {
    const actor = await requireActor();
    const byStep = (prefix: string) =>
      Object.fromEntries(
        STEPS.filter((s) => formData.has(`${prefix}.${s}`)).map((s) => [s, text(formData, `${prefix}.${s}`)]),
      );
    await publishSlaPolicy(actor, {
      agencyTargetHours: byStep("agency"),
      merchantExpectedHours: byStep("merchant"),
      endToEndHours: text(formData, "endToEnd"),
    });
    revalidatePath("/admin/sla");
  }, "New policy version published; it applies to steps that start from now.");
}
