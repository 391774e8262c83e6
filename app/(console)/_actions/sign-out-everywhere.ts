"use server";

import { runAction } from "@/lib/action-result";
import { requireActor } from "@/lib/auth/session";
import { signOutEverywhere } from "@/lib/staff/sign-out-everywhere";

/** The signed-in person ends every one of their sessions (this browser's too; it then signs out). */
export async function signOutEverywhereAction() {
  return runAction(async () => {
    const actor = await requireActor();
    await signOutEverywhere(actor, actor.id);
  });
}
