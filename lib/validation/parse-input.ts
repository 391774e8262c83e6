import { z } from "zod";
import { ValidationError } from "@/lib/errors";

/**
 * How the message of the thrown ValidationError reads. By default it is the first field's first
 * message (a form shows it above the fields); `message` fixes it (sign-in never says which field
 * was wrong), `fallback` is used when zod gives no message, and `namedField` prefixes the field
 * name ("note: At most 2000 characters"), as the onboarding verbs' callers expect.
 */
export type ParseInputOptions = { message?: string; fallback?: string; namedField?: boolean };

/** The one conversion from a zod schema and untrusted input to data or a ValidationError with field errors. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  options: ParseInputOptions = {},
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const { fieldErrors, formErrors } = z.flattenError(result.error) as {
    fieldErrors: Record<string, string[]>;
    formErrors: string[];
  };
  throw new ValidationError(options.message ?? messageOf(fieldErrors, formErrors, options), fieldErrors);
}

function messageOf(fieldErrors: Record<string, string[]>, formErrors: string[], options: ParseInputOptions): string {
  const first = Object.entries(fieldErrors)[0];
  const fallback = options.fallback ?? "Invalid input.";
  if (!first) return formErrors[0] ?? fallback;
  if (options.namedField) return `${first[0]}: ${first[1]?.[0] ?? "invalid"}`;
  return first[1]?.[0] ?? formErrors[0] ?? fallback;
}
