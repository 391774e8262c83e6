import { z } from "zod";

/**
 * The one zod string for text people type (console forms, the sign-up API, the connect and invite
 * pages). It refuses what PostgreSQL cannot store or what turns into garbage on the way there:
 * NUL (`\u0000`, refused by `text` and `jsonb`) and unpaired UTF-16 surrogates (not valid UTF-8).
 * The refusal is an ordinary field error, so the form or the API answers 400 instead of a 500.
 * Chain `.trim()`, `.min()`, `.max()` as on `z.string()`; the check runs first.
 */
export const UNSTORABLE_TEXT_MESSAGE =
  "Contains a character we cannot store (NUL or a broken emoji); remove it and try again.";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isStorableText(value: string): boolean {
  return !value.includes("\u0000") && !LONE_SURROGATE.test(value);
}

/** `z.string(params)` plus the storable-text check. `params` is z.string's (e.g. the "required" message). */
export function textInput(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).refine(isStorableText, { message: UNSTORABLE_TEXT_MESSAGE, abort: true });
}
