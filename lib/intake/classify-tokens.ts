import type { FoundToken, Half } from "./extract-tokens";

/**
 * Decides what a merchant's email gives us, from the tokens found in it (extract-tokens.ts), the
 * halves we already hold and what the merchant still owes. Pure; never logs or returns more than
 * the caller passed in.
 *
 * - A token equal to a half we hold is not recorded again (a key pasted twice, a re-sent mail, a
 *   reply quoting the earlier message).
 * - The merchant's own words win over quoted history; quoted tokens count only when nothing else does.
 * - Unlabelled tokens take the halves the words did not: what the merchant still owes first, in
 *   the guide's order (key, then secret).
 */
export type KnownHalves = { key: string[]; secret: string[] };
export type Owed = { key: boolean; secret: boolean };

export type Classification = {
  key?: string;
  secret?: string;
  /** Halves the mail repeats that we already hold. */
  repeated: Half[];
  /** The mail holds a secret in plain text (new or repeated), so it must leave the mailbox. */
  holdsSecret: boolean;
  /** Tokens left over that we could not place (more tokens than halves). */
  unplaced: number;
};

export function classifyTokens(tokens: FoundToken[], known: KnownHalves, owed: Owed): Classification {
  const repeated = new Set<Half>();
  const seen = new Set<string>();
  const fresh: FoundToken[] = [];
  // Own words first, then quoted history; the first label a value gets is kept.
  for (const token of [...tokens.filter((t) => !t.quoted), ...tokens.filter((t) => t.quoted)]) {
    if (known.key.includes(token.value)) repeated.add("key");
    else if (known.secret.includes(token.value)) repeated.add("secret");
    else if (!seen.has(token.value)) {
      seen.add(token.value);
      fresh.push(token);
      continue;
    }
    seen.add(token.value);
  }
  const own = fresh.filter((t) => !t.quoted);
  const candidates = own.length ? own : fresh;

  const result: { key?: string; secret?: string } = {};
  for (const token of candidates) if (token.label && !result[token.label]) result[token.label] = token.value;
  const placed = new Set([result.key, result.secret]);
  const unlabelled = candidates.filter((t) => !t.label && !placed.has(t.value));
  const open = (["key", "secret"] as const).filter((half) => !result[half]);
  // Owed halves first (in guide order), then the others: one unlabelled token from a merchant
  // who still owes only the secret is the secret.
  const order = [...open.filter((h) => owed[h]), ...open.filter((h) => !owed[h])];
  for (const half of order) {
    const next = unlabelled.shift();
    if (next) result[half] = next.value;
  }
  const leftover = candidates.filter((t) => t.value !== result.key && t.value !== result.secret).length;

  return {
    ...result,
    repeated: [...repeated],
    // A token we could not place may be a secret too: such a mail leaves the inbox as well.
    holdsSecret: !!result.secret || repeated.has("secret") || leftover > 0,
    unplaced: leftover,
  };
}
