import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { parseInput } from "@/lib/validation/parse-input";
import { db } from "@/db/client";
import { auditLog, merchantCredentials, merchants, merchantSteps } from "@/db/schema";
import { actorId, authorize, type Actor } from "@/lib/auth/actor";
import { NotFoundError, RuleViolationError, ValidationError } from "@/lib/errors";
import { completeStep, recordMerchantEvent } from "@/lib/onboarding";
import type { ReceivedVia } from "@/lib/pipeline/received-via";
import { openHalf, sealHalf } from "./credential-cipher";
import { credentialHalfSchema, keyFingerprint, receivedAtSchema, type CredentialHalf } from "./credential-input";
import { isComplete, planHalves } from "./pair-plan";
import { PENDING_STATUSES } from "./statuses";

export type RecordHalvesInput = {
  merchantId: string;
  key?: string;
  secret?: string;
  receivedAt?: Date | string | null;
};
/** How the halves reached us; kept in the step evidence and the timeline. */
export type HalfChannel = ReceivedVia;
export type RecordHalfResult = { credentialId: string; complete: boolean };

const STEP = { key: "key_received", secret: "secret_received" } as const;

function parse(input: RecordHalvesInput) {
  const schema = z.object({
    merchantId: z.uuid("Not a merchant id"),
    key: credentialHalfSchema("key").optional(),
    secret: credentialHalfSchema("secret").optional(),
    receivedAt: receivedAtSchema,
  });
  const data = parseInput(schema, { ...input, receivedAt: input.receivedAt ?? undefined });
  return { ...data, receivedAt: data.receivedAt ?? new Date() };
}

/**
 * Records one or both halves of a merchant's key + secret: encrypted, into the pending pair (see
 * pair-plan.ts), then completes each half's step. Returns the pair and whether it is now complete;
 * the caller decides what follows (lib/verification/record-key-half.ts queues the verification,
 * the connect link verifies on the spot), so credentials never reach up into verification.
 */
export async function recordHalves(
  actor: Actor,
  input: RecordHalvesInput,
  options: { via: HalfChannel; from?: string },
): Promise<RecordHalfResult> {
  authorize(actor, "credentials:record");
  const { merchantId, key, secret, receivedAt } = parse(input);
  const halves = ([key !== undefined && "key", secret !== undefined && "secret"] as const).filter(
    (h): h is CredentialHalf => !!h,
  );
  if (halves.length === 0) throw new ValidationError("Enter the API key or the API secret.");
  const fingerprint = key !== undefined ? keyFingerprint(key) : null;
  // Sealed for the row they go into: the payloads are bound to its id (lib/crypto/secret-box.ts).
  const columnsFor = (credentialId: string) => ({
    ...(key !== undefined
      ? { keyCiphertext: sealHalf(credentialId, "key", key), keyFingerprint: fingerprint, keyReceivedAt: receivedAt }
      : {}),
    ...(secret !== undefined
      ? { secretCiphertext: sealHalf(credentialId, "secret", secret), secretReceivedAt: receivedAt }
      : {}),
  });

  return db.transaction(async (tx) => {
    // The merchant row lock serializes halves recorded at the same moment (two tabs, link + console).
    const [merchant] = await tx
      .select({ language: merchants.language, cancelledAt: merchants.cancelledAt })
      .from(merchants)
      .where(eq(merchants.id, merchantId))
      .for("update");
    if (!merchant) throw new NotFoundError("Merchant");
    if (merchant.cancelledAt)
      throw new RuleViolationError("This merchant is cancelled; credentials can no longer be recorded.");

    const [pending] = await tx
      .select()
      .from(merchantCredentials)
      .where(and(eq(merchantCredentials.merchantId, merchantId), inArray(merchantCredentials.status, PENDING_STATUSES)))
      .for("update");
    const plan = planHalves(
      pending
        ? {
            status: pending.status as (typeof PENDING_STATUSES)[number],
            hasKey: !!pending.keyCiphertext,
            hasSecret: !!pending.secretCiphertext,
          }
        : null,
      { key: key !== undefined, secret: secret !== undefined },
    );

    const now = new Date();
    let row;
    if (plan.kind === "fill" && pending) {
      const complete = isComplete({
        hasKey: key !== undefined || !!pending.keyCiphertext,
        hasSecret: secret !== undefined || !!pending.secretCiphertext,
      });
      [row] = await tx
        .update(merchantCredentials)
        .set({
          ...columnsFor(pending.id),
          status: complete ? "verifying" : "collecting",
          version: sql`${merchantCredentials.version} + 1`,
          updatedAt: now,
        })
        .where(eq(merchantCredentials.id, pending.id))
        .returning();
    } else {
      if (pending)
        await tx
          .update(merchantCredentials)
          .set({ status: "superseded", updatedAt: now })
          .where(eq(merchantCredentials.id, pending.id));
      const id = randomUUID();
      // A carried key is re-sealed for the new row: its payload was bound to the old one.
      const carried =
        plan.kind === "new_pair" && plan.carryKey && pending?.keyCiphertext
          ? {
              keyCiphertext: sealHalf(id, "key", openHalf(pending.id, "key", pending.keyCiphertext)),
              keyFingerprint: pending.keyFingerprint,
              keyReceivedAt: pending.keyReceivedAt,
            }
          : {};
      const complete = isComplete({
        hasKey: key !== undefined || !!carried.keyCiphertext,
        hasSecret: secret !== undefined,
      });
      [row] = await tx
        .insert(merchantCredentials)
        .values({
          id,
          merchantId,
          language: merchant.language,
          ...carried,
          ...columnsFor(id),
          status: complete ? "verifying" : "collecting",
        })
        .returning();
    }
    if (!row) throw new Error("credential write returned no row");

    for (const half of halves) {
      const evidence = {
        half,
        credentialId: row.id,
        receivedAt: receivedAt.toISOString(),
        via: options.via,
        ...(half === "key" ? { fingerprint } : {}),
        ...(options.from ? { from: options.from } : {}),
      };
      await recordMerchantEvent(tx, { merchantId, actor, type: "credential_recorded", stage: STEP[half], evidence });
      await tx.insert(auditLog).values({
        actorId: actorId(actor),
        action: `credentials.record_${half}`,
        entityType: "merchant_credential",
        entityId: row.id,
        details: { ...evidence, merchantId, ...(actor.kind === "system" ? { system: actor.name } : {}) },
      });
    }
    // Same transaction (a savepoint): the pair and its steps are saved together or not at all.
    // Step evidence: the fingerprint for the key, only the date for the secret. Idempotent when done.
    for (const half of halves) {
      const evidence = {
        receivedAt: receivedAt.toISOString(),
        via: options.via,
        ...(half === "key" ? { fingerprint } : {}),
        ...(options.from ? { from: options.from } : {}),
      };
      await completeStep(actor, { merchantId, stage: STEP[half], evidence }, { tx });
      // A half recorded again (e.g. a new key) is the step's evidence from now on: the checklist
      // names the key we hold, not the first one (the timeline keeps every recording).
      await tx
        .update(merchantSteps)
        .set({ evidence })
        .where(and(eq(merchantSteps.merchantId, merchantId), eq(merchantSteps.stage, STEP[half])));
    }
    return { credentialId: row.id, complete: row.status === "verifying" };
  });
}
