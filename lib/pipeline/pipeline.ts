import { z } from "zod";
import { VERDICTS } from "@/lib/lightspeed/vocabulary";
import { RECEIVED_VIA_CHANNELS } from "@/lib/pipeline/received-via";
import { OWNERS, STEPS, type Owner, type Step } from "@/lib/pipeline/steps";

/**
 * The one table of the merchant access guide: for each step its label, who owes it, which steps
 * must be done first, the evidence it records, and (for the merchant's steps) what the merchant
 * must click in Lightspeed. Rules in `rules.ts` and every screen read from here.
 */
export const stepSchema = z.enum(STEPS);
export const ownerSchema = z.enum(OWNERS);

/** A moment given as a Date or an ISO string; stored in the jsonb evidence as an ISO string. */
const instant = z.coerce
  .date()
  .refine((d) => d.getTime() <= Date.now() + 5 * 60_000, "cannot be in the future")
  .transform((d) => d.toISOString());
const receivedAt = instant.default(() => new Date().toISOString());
const receivedVia = z.enum(RECEIVED_VIA_CHANNELS);

/**
 * Evidence per step. Known fields are validated; unknown fields are kept (loose objects), so
 * other domains may add their own ids without a change here. Never put a secret in evidence:
 * it is copied into the append-only timeline.
 */
export const EVIDENCE_SCHEMAS = {
  signed_up: z.looseObject({ source: z.enum(["api", "console"]).optional() }),
  user_created: z.looseObject({ lightspeedUserEmail: z.email().optional() }),
  user_approved: z.looseObject({ fullPermissions: z.boolean().optional() }),
  password_reset: z.looseObject({}),
  key_received: z.looseObject({ receivedAt, via: receivedVia.optional(), fingerprint: z.string().max(20).optional() }),
  secret_received: z.looseObject({ receivedAt, via: receivedVia.optional() }),
  key_verified: z.looseObject({
    verificationRunId: z.union([z.string(), z.number()]).optional(),
    verdict: z.enum(VERDICTS).optional(),
  }),
  live: z.looseObject({ feed: z.string().max(200).optional() }),
} satisfies Record<Step, z.ZodType>;

export type StepDefinition = {
  stage: Step;
  label: string;
  owner: Owner;
  /** Steps that must be done before this one can be completed. */
  prerequisites: readonly Step[];
  description: string;
  /** Click-by-click instructions for the merchant (merchant-owned steps only). */
  merchantInstructions?: readonly string[];
};

const definitions: { [S in Step]: Omit<StepDefinition, "stage"> } = {
  signed_up: {
    label: "Signed up",
    owner: "merchant",
    prerequisites: [],
    description: "The merchant signed up; done when the merchant record is created.",
  },
  user_created: {
    label: "Back-office user created",
    owner: "merchant",
    prerequisites: [],
    description: "The merchant created a Lightspeed back-office user for us.",
    merchantInstructions: [
      "In the Lightspeed eCom back office, open Settings in the left menu.",
      "Under GENERAL SETTINGS choose Users, then Add a user (top right).",
      "Enter the user details we sent you and press Save. Any password will do: we set our own through a reset.",
    ],
  },
  user_approved: {
    label: "User approved with full permissions",
    owner: "merchant",
    prerequisites: [],
    description: "The merchant set our user to Approved with Full permissions.",
    merchantInstructions: [
      "On the screen that opens after saving the user, set the status under GENERAL to Approved.",
      "Under PERMISSIONS switch on Full permissions, then press Save (top right).",
      "We need full permissions because almost all shop data is reached through the API; we use the access only to build your connection.",
    ],
  },
  password_reset: {
    label: "Password reset",
    owner: "agency",
    prerequisites: ["user_created"],
    description: "We replaced the dummy password with our own through a password reset.",
  },
  key_received: {
    label: "API key received",
    owner: "merchant",
    prerequisites: [],
    description: "The email with the API key arrived.",
    merchantInstructions: [
      "Sign in as the store owner: only the store owner can create API keys.",
      "Go to Settings → Store Settings → Developers and choose New API key.",
      "Name the key Actenzo and press Save.",
      "Switch the key on and tick every permission checkbox (all of them, read and write), then Save.",
      "Under DETAILS copy the API key and email it to our access mailbox on its own.",
    ],
  },
  secret_received: {
    label: "API secret received",
    owner: "merchant",
    prerequisites: [],
    description: "The email with the API secret arrived, separately from the key.",
    merchantInstructions: [
      "On the same key's DETAILS, press Show to reveal the API secret.",
      "Email the secret to our access mailbox in a second, separate email, never together with the key.",
    ],
  },
  key_verified: {
    label: "Key verified",
    owner: "agency",
    prerequisites: ["key_received", "secret_received"],
    description: "The key works and covers every permission (completed by the verification engine).",
  },
  live: {
    label: "Live",
    owner: "agency",
    prerequisites: ["key_verified"],
    description: "The merchant's feed is configured and running.",
  },
};

/** The pipeline in guide order. */
export const PIPELINE: readonly StepDefinition[] = STEPS.map((stage) => ({ stage, ...definitions[stage] }));

export function stepDefinition(stage: Step): StepDefinition {
  return { stage, ...definitions[stage] };
}

export const STEP_LABELS = Object.fromEntries(STEPS.map((s) => [s, definitions[s].label])) as Record<Step, string>;
export const OWNER_LABELS: Record<Owner, string> = { merchant: "Merchant", agency: "Actenzo" };
export const STEP_OWNERS = Object.fromEntries(STEPS.map((s) => [s, definitions[s].owner])) as Record<Step, Owner>;

/** Parses a step's evidence with its schema (throws ZodError on bad evidence). */
export function parseEvidence(stage: Step, evidence: unknown): Record<string, unknown> {
  return EVIDENCE_SCHEMAS[stage].parse(evidence ?? {}) as Record<string, unknown>;
}
