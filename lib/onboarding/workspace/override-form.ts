import { z } from "zod";
import { stepSchema } from "@/lib/pipeline/pipeline";

/**
 * The override dialog's FormData: a lead/admin completes a step against its evidence rule
 * ("Key verified" without a healthy run) and must say why. The verb checks role and rule again.
 */
export const overrideStepFormSchema = z
  .object({
    merchantId: z.uuid("Unknown merchant"),
    stage: stepSchema,
    overrideReason: z
      .string("Say why")
      .trim()
      .min(10, "Say why (at least 10 characters)")
      .max(2000, "At most 2000 characters"),
  })
  .transform((v) => ({ merchantId: v.merchantId, stage: v.stage, overrideReason: v.overrideReason }));
