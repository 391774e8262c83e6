"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/action-result";
import { requireActor } from "@/lib/auth/session";
import { actorTimeZone } from "@/lib/staff/time-zone";
import { createConnectLink, revokeConnectLink } from "@/lib/connect-links";
import { revealSecret } from "@/lib/credentials";
import { recordKeyHalf, recordSecretHalf } from "@/lib/verification";
import {
  createConnectLinkFormSchema,
  recordKeyFormSchema,
  recordSecretFormSchema,
  revealSecretFormSchema,
  revokeConnectLinkFormSchema,
} from "@/lib/credentials/forms";
import { formDataObject } from "@/lib/onboarding/workspace/forms";

/**
 * Server actions of the credentials panel: parse the form, call the credentials / connect-link
 * verb (which authorizes), refresh the workspace. Secrets travel to the browser only in
 * `revealSecretAction`, the explicit, audit-logged reveal.
 */
type FormState = ActionResult<unknown> | null;

function refresh(merchantId: string) {
  revalidatePath(`/merchants/${merchantId}`);
  revalidatePath("/queue");
}

function halfMessage(what: string, other: string, complete: boolean) {
  return complete
    ? `${what} recorded. Both halves are in: the pair is being verified.`
    : `${what} recorded. Waiting for the ${other}.`;
}

export async function recordKeyAction(
  _prev: FormState,
  formData: FormData,
): Promise<ActionResult<{ complete: boolean }>> {
  const result = await runAction(async () => {
    const actor = await requireActor();
    const input = recordKeyFormSchema.parse({ ...formDataObject(formData), timeZone: actorTimeZone(actor) });
    const { complete } = await recordKeyHalf(actor, {
      merchantId: input.merchantId,
      key: input.value,
      receivedAt: input.receivedAt,
      via: input.via,
    });
    refresh(input.merchantId);
    return { complete };
  });
  return result.ok ? { ...result, message: halfMessage("API key", "secret", result.data.complete) } : result;
}

export async function recordSecretAction(
  _prev: FormState,
  formData: FormData,
): Promise<ActionResult<{ complete: boolean }>> {
  const result = await runAction(async () => {
    const actor = await requireActor();
    const input = recordSecretFormSchema.parse({ ...formDataObject(formData), timeZone: actorTimeZone(actor) });
    const { complete } = await recordSecretHalf(actor, {
      merchantId: input.merchantId,
      secret: input.value,
      receivedAt: input.receivedAt,
      via: input.via,
    });
    refresh(input.merchantId);
    return { complete };
  });
  return result.ok ? { ...result, message: halfMessage("API secret", "key", result.data.complete) } : result;
}

export async function revealSecretAction(
  _prev: FormState,
  formData: FormData,
): Promise<ActionResult<{ secret: string }>> {
  return runAction(async () => {
    const actor = await requireActor();
    const input = revealSecretFormSchema.parse(formDataObject(formData));
    return revealSecret(actor, { credentialId: input.credentialId, reason: input.reason });
  });
}

export async function createConnectLinkAction(
  _prev: FormState,
  formData: FormData,
): Promise<ActionResult<{ url: string; expiresAt: string; emailedTo: string | null; emailRequested: boolean }>> {
  return runAction(async () => {
    const actor = await requireActor();
    const input = createConnectLinkFormSchema.parse(formDataObject(formData));
    const link = await createConnectLink(actor, { merchantId: input.merchantId, emailMerchant: input.emailMerchant });
    refresh(input.merchantId);
    return {
      url: link.url,
      expiresAt: link.expiresAt.toISOString(),
      emailedTo: link.emailedTo,
      emailRequested: input.emailMerchant,
    };
  });
}

export async function revokeConnectLinkAction(_prev: FormState, formData: FormData): Promise<ActionResult> {
  return runAction(async (): Promise<undefined> => {
    const actor = await requireActor();
    const input = revokeConnectLinkFormSchema.parse(formDataObject(formData));
    await revokeConnectLink(actor, { linkId: input.linkId });
    refresh(input.merchantId);
    return undefined;
  }, "Link revoked.");
}
