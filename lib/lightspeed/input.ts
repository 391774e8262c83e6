import { z } from "zod";
import { CLUSTERS } from "./clusters";

/** Key and secret are 32 letters or digits (the official client refuses anything else locally). */
export const credentialPart = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9]{32}$/, "must be exactly 32 letters or digits");

/** Shop language codes are two letters (`en`, `nl`, `us`, `fc`); they become a URL segment. */
export const languageCode = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2}$/, "must be a two-letter shop language code");

export const DEFAULT_LANGUAGE = "en";
export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_WAIT_MS = 10_000;

export const connectionInput = z.object({
  key: credentialPart,
  secret: credentialPart,
  cluster: z.enum(CLUSTERS).optional(),
  language: languageCode.default(DEFAULT_LANGUAGE),
  timeoutMs: z.number().int().positive().max(120_000).default(DEFAULT_TIMEOUT_MS),
  maxWaitMs: z.number().int().min(0).max(600_000).default(DEFAULT_MAX_WAIT_MS),
});
export type ConnectionInput = z.input<typeof connectionInput>;
