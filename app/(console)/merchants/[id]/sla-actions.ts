"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/action-result";
import { requireActor } from "@/lib/auth/session";
import { updateMerchantCalendar } from "@/lib/sla/update-merchant-calendar";
import { updateMerchantTimeZone } from "@/lib/sla/update-merchant-time-zone";

/** Sets the merchant's time zone (its SLA calendar); the verb checks it belongs to the country. */
export async function updateMerchantTimeZoneAction(_prev: ActionResult | null, formData: FormData) {
  return runAction(async (): Promise<undefined> => {
    const actor = await requireActor();
    const merchantId = String(formData.get("merchantId") ?? "");
    await updateMerchantTimeZone(actor, { merchantId, timeZone: String(formData.get("merchantTimeZone") ?? "") });
    revalidatePath(`/merchants/${merchantId}`);
  }, "Time zone saved.");
}

/** Sets the merchant's working days and hours (the verb checks the role, validates and audits). */
export async function updateMerchantCalendarAction(_prev: ActionResult | null, formData: FormData) {
  return runAction(async (): Promise<undefined> => {
    const actor = await requireActor();
    const merchantId = String(formData.get("merchantId") ?? "");
    await updateMerchantCalendar(actor, {
      merchantId,
      days: formData.getAll("days").map(String).join(","),
      hours: `${String(formData.get("hoursStart") ?? "")}-${String(formData.get("hoursEnd") ?? "")}`,
    });
    revalidatePath(`/merchants/${merchantId}`);
    revalidatePath("/queue");
  }, "Working hours saved.");
}
