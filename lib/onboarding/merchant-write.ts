import { asc, eq, sql as dsql } from "drizzle-orm";
import { z } from "zod";
import { textInput } from "@/lib/validation/text";
import { parseInput as parseValidatedInput } from "@/lib/validation/parse-input";
import { db, type Db, type Tx } from "@/db/client";
import { auditLog, merchantEvents, merchants, merchantSteps, type Merchant, type MerchantEventType } from "@/db/schema";
import { actorId, type Actor } from "@/lib/auth/actor";
import { refreshMerchantClocks } from "@/lib/sla/refresh-merchant-clocks";
import { NotFoundError, RuleViolationError } from "@/lib/errors";
import { isClockEvent } from "@/lib/sla/load-clock-events";
import { NOTE_MAX_LENGTH } from "./note-limit";
import { deriveState, type Decision } from "@/lib/pipeline/rules";
import type { Step } from "@/lib/pipeline/steps";

/**
 * The plumbing every write verb shares: input parsing, the locked transaction, the derived
 * columns, and the two append-only records (timeline event + audit row). Internal to
 * lib/onboarding; other domains use `recordMerchantEvent`.
 */

/** Verbs may join a caller's transaction (as a savepoint) instead of opening their own. */
export type VerbOptions = { tx?: Tx };

export const merchantIdSchema = z.uuid("Not a merchant id");
export const reasonSchema = textInput().trim().min(1, "Give a reason").max(2000, "At most 2000 characters");
export const noteSchema = textInput()
  .trim()
  .min(1, "Write a note")
  .max(NOTE_MAX_LENGTH, `At most ${NOTE_MAX_LENGTH} characters`);
/** A note a verb may carry along (resume, clear an action, complete a step); blank means none. */
export const optionalNoteSchema = textInput()
  .trim()
  .max(NOTE_MAX_LENGTH)
  .optional()
  .transform((v) => v || undefined);

/** Onboarding verbs name the field in the message ("note: At most 2000 characters"). */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  return parseValidatedInput(schema, input, { namedField: true });
}

export function enforce(decision: Decision): void {
  if (!decision.ok) throw new RuleViolationError(decision.reason);
}

export type LockedMerchant = { tx: Tx; merchant: Merchant; done: Set<Step>; now: Date };

/** Runs `body` in a transaction holding the merchant's row lock (`select … for update`). */
export async function withLockedMerchant<T>(
  merchantId: string,
  body: (locked: LockedMerchant) => Promise<T>,
  options: VerbOptions = {},
): Promise<T> {
  const runner: Pick<Db, "transaction"> = options.tx ?? db;
  return runner.transaction(async (tx) => {
    const [merchant] = await tx.select().from(merchants).where(eq(merchants.id, merchantId)).for("update");
    if (!merchant) throw new NotFoundError("Merchant");
    const done = await loadDone(tx, merchantId);
    return body({ tx, merchant, done, now: new Date() });
  });
}

export async function loadDone(tx: Tx, merchantId: string): Promise<Set<Step>> {
  const rows = await tx
    .select({ stage: merchantSteps.stage })
    .from(merchantSteps)
    .where(eq(merchantSteps.merchantId, merchantId))
    .orderBy(asc(merchantSteps.stage));
  return new Set(rows.map((r) => r.stage));
}

/**
 * Writes a change to the merchant row: `patch`, the recomputed derived columns, the version bump
 * and last activity. `done` is the set of done steps after the change.
 */
export async function saveMerchant(
  { tx, merchant, now }: LockedMerchant,
  done: Set<Step>,
  patch: Partial<
    Pick<
      Merchant,
      "merchantActionRequired" | "onHold" | "holdReason" | "holdUntil" | "cancelledAt" | "cancelReason" | "specialistId"
    >
  > = {},
  restartClock = false,
): Promise<void> {
  const next = { ...merchant, ...patch };
  const derived = deriveState(
    { done, merchantActionRequired: next.merchantActionRequired, cancelled: next.cancelledAt !== null },
    merchant,
    now,
    restartClock,
  );
  await tx
    .update(merchants)
    .set({ ...patch, ...derived, lastActivityAt: now, version: dsql`${merchants.version} + 1` })
    .where(eq(merchants.id, merchant.id));
}

export type EventInput = {
  merchantId: string;
  actor: Actor;
  type: MerchantEventType;
  stage?: Step | null;
  evidence?: Record<string, unknown> | null;
  note?: string | null;
  at?: Date;
};

/**
 * Appends a timeline event. An event that moves a clock (a step done or undone, a hold, a
 * cancellation …) also rewrites the merchant's SLA clocks in the same transaction.
 */
export async function insertEvent(tx: Tx, event: EventInput): Promise<void> {
  await tx.insert(merchantEvents).values({
    merchantId: event.merchantId,
    actorId: actorId(event.actor),
    type: event.type,
    stage: event.stage ?? null,
    evidence: event.evidence ?? null,
    note: event.note ?? null,
    ...(event.at ? { createdAt: event.at } : {}),
  });
  // The stored due/warn instants and the report's clock rows follow every event that moves a
  // clock, in the same transaction (one refresh: one read of the facts, one write).
  if (isClockEvent(event.type)) await refreshMerchantClocks(tx, event.merchantId);
}

export async function insertAudit(
  tx: Tx,
  actor: Actor,
  action: string,
  merchantId: string,
  details: Record<string, unknown>,
  at?: Date,
) {
  await tx.insert(auditLog).values({
    actorId: actorId(actor),
    action: `merchant.${action}`,
    entityType: "merchant",
    entityId: merchantId,
    details: actor.kind === "system" ? { ...details, system: actor.name } : details,
    ...(at ? { createdAt: at } : {}),
  });
}

/** The timeline event and the audit row of one change, written together. */
export async function recordChange(tx: Tx, event: EventInput & { action: string; details?: Record<string, unknown> }) {
  const { action, details, ...rest } = event;
  await insertEvent(tx, rest);
  await insertAudit(
    tx,
    event.actor,
    action,
    event.merchantId,
    {
      ...(event.stage ? { stage: event.stage } : {}),
      ...(event.note ? { note: event.note } : {}),
      ...(event.evidence ? { evidence: event.evidence } : {}),
      ...details,
    },
    event.at,
  );
}
