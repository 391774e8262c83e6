import { z } from "zod";
import { parseInput } from "@/lib/validation/parse-input";
import { authorize, type Actor } from "@/lib/auth/actor";
import { assignMerchants } from "@/lib/onboarding";

/** The queue shows at most 100 rows a page; 500 leaves room for selections kept across pages. */
export const BULK_ASSIGN_MAX = 500;

export const bulkAssignSchema = z.object({
  merchantIds: z
    .array(z.uuid("Not a merchant id"))
    .min(1, "Select at least one merchant")
    .max(BULK_ASSIGN_MAX, `Select at most ${BULK_ASSIGN_MAX} merchants at once`),
  /** A staff id, or null to unassign. */
  specialistId: z.uuid("Not a staff id").nullable(),
});

/**
 * The queue's bulk assign: validates the selection, then hands it to the onboarding verb, which
 * decides who may assign whom (specialists only themselves) and writes events and audit rows.
 */
export async function bulkAssign(actor: Actor | null | undefined, input: unknown): Promise<{ updated: number }> {
  authorize(actor, "merchant:claim");
  const { merchantIds, specialistId } = parseInput(bulkAssignSchema, input, { fallback: "Invalid selection." });
  return assignMerchants(actor, { merchantIds: [...new Set(merchantIds)], specialistId });
}
