import { z } from "zod";

/**
 * Pure rules for one half of a Lightspeed credential. Keys and secrets are 32 letters or digits
 * (hex in practice); both arrive pasted from emails, hence the trim. Messages never echo the value.
 */
export const CREDENTIAL_PATTERN = /^[A-Za-z0-9]{32}$/;

export const HALF_LABELS = { key: "API key", secret: "API secret" } as const;
export type CredentialHalf = keyof typeof HALF_LABELS;

export function credentialHalfSchema(half: CredentialHalf) {
  const label = HALF_LABELS[half];
  return z
    .string({ error: `Enter the ${label}.` })
    .trim()
    .superRefine((value, ctx) => {
      if (CREDENTIAL_PATTERN.test(value)) return;
      if (value === "") {
        ctx.addIssue({ code: "custom", message: `Enter the ${label}.` });
        return;
      }
      const odd = /[^A-Za-z0-9]/.test(value);
      ctx.addIssue({
        code: "custom",
        message: odd
          ? `The ${label} may only contain letters and digits (32 of them); check that nothing else was copied with it.`
          : `The ${label} must be exactly 32 letters or digits; this one has ${value.length}.`,
      });
    });
}

/** When a half arrived: defaults to now; a few minutes of clock skew are tolerated, the future is not. */
export const receivedAtSchema = z.coerce
  .date({ error: "Enter a valid date." })
  .refine((date) => date.getTime() <= Date.now() + 5 * 60_000, "The received date cannot be in the future.")
  .optional();

/** First 4 + last 4 characters: tells two keys apart on screen without exposing the key. */
export function keyFingerprint(key: string): string {
  return `${key.slice(0, 4)}…${key.slice(-4)}`;
}
