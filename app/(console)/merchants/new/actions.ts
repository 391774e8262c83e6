"use server";

import { redirect } from "next/navigation";
import { runAction } from "@/lib/action-result";
import { requireActor } from "@/lib/auth/session";
import { ConflictError } from "@/lib/errors";
import { assignMerchants, createMerchant, consoleSignupInputSchema } from "@/lib/onboarding";
import { SIGNUP_FIELDS, type NewMerchantState } from "./_components/new-merchant-fields";

/** Creates a merchant from the console form; a known shop domain answers with a link to the existing merchant. */
export async function createMerchantAction(_previous: NewMerchantState, formData: FormData): Promise<NewMerchantState> {
  const values = Object.fromEntries(SIGNUP_FIELDS.map((field) => [field, String(formData.get(field) ?? "")]));
  const assignToMe = formData.get("assignToMe") === "on";

  const result = await runAction(async () => {
    const actor = await requireActor();
    const input = consoleSignupInputSchema.parse(values);
    try {
      const { id } = await createMerchant(actor, input);
      if (assignToMe) await assignMerchants(actor, { merchantIds: [id], specialistId: actor.id });
      return { id, existingId: undefined };
    } catch (error) {
      if (error instanceof ConflictError && error.existingId)
        return { id: undefined, existingId: error.existingId, message: error.message };
      throw error;
    }
  });

  if (!result.ok) return { error: result.error, fieldErrors: result.fieldErrors, values, assignToMe };
  if (result.data.existingId)
    return { error: result.data.message, existingId: result.data.existingId, values, assignToMe };
  redirect(`/merchants/${result.data.id}`);
}
