"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { textInput } from "@/lib/validation/text";
import { runAction, type ActionResult } from "@/lib/action-result";
import { clientIp } from "@/lib/auth/client-ip";
import { submitConnectCredentials, type SubmissionResult } from "@/lib/connect-links";
import { formLanguageSchema, localizeConnectError, localizeSubmission } from "@/lib/reminders/page/localize-answers";

const formSchema = z.object({ token: textInput().max(100), key: textInput().max(200), secret: textInput().max(200) });

/**
 * Public: the merchant's key + secret from the connect page (or the merchant's own page, which
 * posts its language), checked on the spot.
 */
export async function submitConnectAction(
  _prev: ActionResult<SubmissionResult> | null,
  formData: FormData,
): Promise<ActionResult<SubmissionResult>> {
  const language = formLanguageSchema.parse(formData.get("language"));
  return runAction(async () => {
    try {
      const input = formSchema.parse({
        token: String(formData.get("token") ?? ""),
        key: String(formData.get("key") ?? ""),
        secret: String(formData.get("secret") ?? ""),
      });
      const ip = clientIp(await headers());
      const result = await submitConnectCredentials(input.token, { key: input.key, secret: input.secret }, { ip });
      return localizeSubmission(result, language);
    } catch (error) {
      throw localizeConnectError(error, language);
    }
  });
}
