import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { merchants, merchantSteps } from "@/db/schema";
import { actorId, authorize, type Actor } from "@/lib/auth/actor";
import { ConflictError } from "@/lib/errors";
import { parseInput, recordChange, type VerbOptions } from "./merchant-write";
import { ballInCourt, currentStage } from "@/lib/pipeline/rules";
import { signupInputSchema, type SignupInput } from "./signup-input";

/**
 * Creates a merchant from a sign-up and completes `signed_up`. A second sign-up for the same
 * (normalised) shop domain throws ConflictError carrying the existing id; the unique index
 * decides, so two simultaneous sign-ups still make one record.
 */
export async function createMerchant(
  actor: Actor,
  input: SignupInput,
  options: VerbOptions = {},
): Promise<{ id: string }> {
  authorize(actor, "merchant:create");
  const signup = parseInput(signupInputSchema, input);
  const source = actor.kind === "system" ? "api" : "console";
  const runner = options.tx ?? db;

  const id = await runner.transaction(async (tx) => {
    const now = new Date();
    const done = ["signed_up"] as const;
    const [created] = await tx
      .insert(merchants)
      .values({
        ...signup,
        currentStage: currentStage(done),
        ballInCourt: ballInCourt(done, null),
        stageEnteredAt: now,
        lastActivityAt: now,
        createdAt: now,
      })
      .onConflictDoNothing({ target: merchants.shopDomain })
      .returning({ id: merchants.id });
    if (!created) return null;

    await tx.insert(merchantSteps).values({
      merchantId: created.id,
      stage: "signed_up",
      completedAt: now,
      completedBy: actorId(actor),
      evidence: { source },
    });
    await recordChange(tx, {
      merchantId: created.id,
      actor,
      type: "signed_up",
      stage: "signed_up",
      evidence: { source },
      at: now,
      action: "created",
      details: { company: signup.company, shopDomain: signup.shopDomain, cluster: signup.cluster },
    });
    return created.id;
  });
  if (id) return { id };

  // The conflicting row is committed (the insert waited for it), so it is visible now.
  const [existing] = await runner
    .select({ id: merchants.id })
    .from(merchants)
    .where(eq(merchants.shopDomain, signup.shopDomain));
  throw new ConflictError(`A merchant with the shop domain ${signup.shopDomain} already exists.`, existing?.id);
}
