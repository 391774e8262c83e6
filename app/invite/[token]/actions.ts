"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientIp } from "@/lib/auth/client-ip";
import { runAction, type ActionResult } from "@/lib/action-result";
import { acceptInvite } from "@/lib/staff/accept-invite";

/** Sets the password, then sends the new colleague to sign in with their email filled in. */
export async function acceptInviteAction(
  _previous: ActionResult<undefined> | null,
  formData: FormData,
): Promise<ActionResult<undefined>> {
  let email: string | undefined;
  const result = await runAction(async () => {
    ({ email } = await acceptInvite(
      {
        token: String(formData.get("token") ?? ""),
        password: String(formData.get("password") ?? ""),
        passwordConfirm: String(formData.get("passwordConfirm") ?? ""),
      },
      { ip: clientIp(await headers()) },
    ));
    return undefined;
  });
  if (result.ok && email) redirect(`/login?email=${encodeURIComponent(email)}`);
  return result;
}
