import { and, desc, eq, inArray, isNotNull } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { merchantCredentials, merchants } from "@/db/schema";
import { authorize, type Actor } from "@/lib/auth/actor";
import { markCredentialVerifying } from "@/lib/credentials";
import { NotFoundError, RuleViolationError, ValidationError } from "@/lib/errors";
import { enqueueVerification } from "./enqueue-verification";

const inputSchema = z.object({ merchantId: z.uuid("Not a merchant id") });

/**
 * "Verify now" on the workspace. A complete pending pair is verified first (typically: the
 * merchant ticked the missing checkboxes on the same key); otherwise the active pair, which then
 * counts as a full health check. Enqueues; the history shows the run when it lands.
 */
export async function requestVerification(
  actor: Actor,
  input: { merchantId: string },
): Promise<{ jobId: string; enqueued: boolean; credentialId: string }> {
  authorize(actor, "verification:run");
  const { merchantId } = inputSchema.parse(input);
  // A cancelled merchant is read-only: its keys are no longer ours to call Lightspeed with.
  const [merchant] = await db
    .select({ cancelledAt: merchants.cancelledAt })
    .from(merchants)
    .where(eq(merchants.id, merchantId));
  if (!merchant) throw new NotFoundError("Merchant");
  if (merchant.cancelledAt) throw new RuleViolationError("This merchant was cancelled; its key is no longer verified.");
  const candidates = await db
    .select({ id: merchantCredentials.id, status: merchantCredentials.status })
    .from(merchantCredentials)
    .where(
      and(
        eq(merchantCredentials.merchantId, merchantId),
        inArray(merchantCredentials.status, ["collecting", "verifying", "rejected", "active"]),
        isNotNull(merchantCredentials.keyCiphertext),
        isNotNull(merchantCredentials.secretCiphertext),
      ),
    )
    .orderBy(desc(merchantCredentials.createdAt));
  const target = candidates.find((c) => c.status !== "active") ?? candidates[0];
  if (!target) throw new ValidationError("There is no complete key and secret pair to verify yet.");

  if (target.status !== "active") await db.transaction((tx) => markCredentialVerifying(tx, target.id));
  const queued = await enqueueVerification({ credentialId: target.id, trigger: "verify_now" });
  return { ...queued, credentialId: target.id };
}
