import { dictionary } from "@zxcvbn-ts/language-common";
import { textInput } from "@/lib/validation/text";

/**
 * What a new staff password must be (NIST 800-63B: length and a block-list, no composition rules):
 * 12–256 characters, not only whitespace, not one character repeated, not the person's email or
 * its local part, and not on the bundled list of common passwords (@zxcvbn-ts/language-common's
 * ~49,000 most used, MIT; offline). Each refusal names the rule that failed.
 */
export const PASSWORD_MESSAGES = {
  tooShort: "Use at least 12 characters.",
  tooLong: "Use at most 256 characters.",
  onlyWhitespace: "Use more than spaces: a password of only whitespace is not accepted.",
  repeated: "Use more than one character repeated (like “aaaaaaaaaaaa”).",
  email: "Do not use your email address (or the part before the @) as your password.",
  common: "This is one of the most common passwords; choose something less predictable.",
} as const;

const COMMON = new Set(dictionary["passwords-common"].map((p) => p.toLowerCase()));

export const isOnlyWhitespace = (password: string) => password.trim() === "";
export const isOneRepeatedCharacter = (password: string) => new Set(password).size === 1;
export const isCommonPassword = (password: string) => COMMON.has(password.trim().toLowerCase());

/** Equal, ignoring case and surrounding spaces, to the email or to its local part. */
export function isEmailLike(password: string, email: string | null | undefined): boolean {
  if (!email) return false;
  const candidate = password.trim().toLowerCase();
  const address = email.trim().toLowerCase();
  return candidate === address || candidate === address.split("@")[0];
}

/** The rules that need no context; `passwordSchemaFor(email)` adds the email rule. */
export const passwordSchema = textInput()
  .min(12, PASSWORD_MESSAGES.tooShort)
  .max(256, PASSWORD_MESSAGES.tooLong)
  .refine((p) => !isOnlyWhitespace(p), { message: PASSWORD_MESSAGES.onlyWhitespace, abort: true })
  .refine((p) => !isOneRepeatedCharacter(p), { message: PASSWORD_MESSAGES.repeated, abort: true })
  .refine((p) => !isCommonPassword(p), { message: PASSWORD_MESSAGES.common, abort: true });

export function passwordSchemaFor(email: string | null | undefined) {
  return passwordSchema.refine((p) => !isEmailLike(p, email), { message: PASSWORD_MESSAGES.email, abort: true });
}

/** The first rule `password` breaks for this person, or null. */
export function passwordProblem(password: string, email?: string | null): string | null {
  const result = passwordSchemaFor(email).safeParse(password);
  return result.success ? null : (result.error.issues[0]?.message ?? PASSWORD_MESSAGES.tooShort);
}
