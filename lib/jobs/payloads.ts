import { UnrecoverableError } from "bullmq";
import { z } from "zod";
import { VERIFICATION_KINDS, VERIFICATION_TRIGGERS } from "@/lib/key-checks/vocabulary";

/**
 * Job payloads carry ids only, never a key or a secret (Redis is not encrypted at rest).
 * `.strict()` refuses extra fields, so nothing can ride along by accident.
 */
export const verifyKeyPayload = z.object({ credentialId: z.uuid(), trigger: z.enum(VERIFICATION_TRIGGERS) }).strict();
export type VerifyKeyPayload = z.infer<typeof verifyKeyPayload>;

/** `dueAt` names the due slot the sweep saw; a check for a slot already done is skipped. */
export const healthCheckPayload = z
  .object({ merchantId: z.uuid(), credentialId: z.uuid(), kind: z.enum(VERIFICATION_KINDS), dueAt: z.iso.datetime() })
  .strict();
export type HealthCheckPayload = z.infer<typeof healthCheckPayload>;

/** One outbox email; its content and recipient are read from PostgreSQL when it is sent. */
export const sendEmailPayload = z.object({ outboxId: z.uuid() }).strict();
export type SendEmailPayload = z.infer<typeof sendEmailPayload>;

/** Scheduler ticks carry nothing: each tick reads the state from PostgreSQL. */
export const tickPayload = z.object({}).strict();

/**
 * Who asked for a full SLA clock recompute (null: the system), and once it runs, how far it got
 * (its record, the last merchant id done, how many), so a restarted job carries on from there.
 */
export const slaRecomputePayload = z
  .object({
    requestedBy: z.uuid().nullable(),
    cursor: z
      .object({ recordId: z.uuid(), after: z.uuid(), merchants: z.number().int().nonnegative() })
      .strict()
      .optional(),
  })
  .strict();
export type SlaRecomputePayload = z.infer<typeof slaRecomputePayload>;

/** A payload that does not parse will never parse: fail the job at once, without retries. */
export function parsePayload<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const result = schema.safeParse(data ?? {});
  if (result.success) return result.data;
  // Names the offending fields only: the values could be anything, including a pasted secret.
  const fields = result.error.issues.map((issue) => issue.path.join(".") || "(root)").join(", ");
  throw new UnrecoverableError(`Invalid job payload (${fields})`);
}
