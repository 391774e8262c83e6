import { z } from "zod";
import { NotFoundError } from "@/lib/errors";

const uuid = z.uuid();

export function isUuid(value: unknown): value is string {
  return uuid.safeParse(value).success;
}

/**
 * The one answer for an id that cannot name a row: it names nothing, so it is not found (404 in a
 * route handler, the not-found page on a page, "… was not found." in a form). A malformed id and an
 * unknown one read the same, so a guessed URL learns nothing. `what` is the noun ("Merchant").
 */
export function parseId(value: unknown, what: string): string {
  if (!isUuid(value)) throw new NotFoundError(what);
  return value;
}
