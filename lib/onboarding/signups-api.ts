import { createHash, timingSafeEqual } from "node:crypto";
import { systemActor, type SystemActor } from "@/lib/auth/actor";
import { env } from "@/lib/env";
import { UnauthenticatedError, ValidationError } from "@/lib/errors";

/** The sign-up portal's body is a handful of short fields; anything bigger is not a sign-up. */
const MAX_BODY_BYTES = 16 * 1024;

/**
 * Checks `Authorization: Bearer <SIGNUPS_API_TOKEN>` in constant time (both sides hashed first,
 * so neither the content nor the length of the token leaks through timing).
 */
export function authenticateSignupsCaller(authorization: string | null): SystemActor {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  const digest = (value: string) => createHash("sha256").update(value).digest();
  if (!match?.[1] || !timingSafeEqual(digest(match[1]), digest(env.SIGNUPS_API_TOKEN))) {
    throw new UnauthenticatedError("A valid sign-ups API token is required.");
  }
  return systemActor("signups-api");
}

/** Reads a JSON body, answering a missing, oversized or malformed one with a ValidationError. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (new TextEncoder().encode(text).byteLength > MAX_BODY_BYTES)
    throw new ValidationError("The request body is too large.");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ValidationError("The request body must be JSON.");
  }
}
