import { bodyLines, type BodyLine } from "./mail-text";

/**
 * Finds the 32-letter-or-digit tokens in a merchant's email and reads, from the words around
 * each, whether it is the API key or the API secret, in English, Dutch, German and French. Pure.
 * What the merchant still owes settles the tokens the words do not (classify-tokens.ts).
 */
export type Half = "key" | "secret";
export type FoundToken = { value: string; label: Half | null; quoted: boolean };

/** Exactly 32 letters or digits with both kinds in it (a 32-letter German compound is no key). */
const TOKEN = /(?<![A-Za-z0-9])[A-Za-z0-9]{32}(?![A-Za-z0-9])/g;
const isCredentialLike = (value: string) => /[0-9]/.test(value) && /[A-Za-z]/.test(value);

// Secret words first where a phrase holds both ("clé secrète", "geheime sleutel", "secret key").
const WORDS: { half: Half; re: RegExp }[] = [
  { half: "secret", re: /(secret|geheim|secrète|secrete)\p{L}*/giu },
  // Dutch and German compound freely ("toegangssleutel", "Zugangsschlüssel"); English and French less.
  {
    half: "key",
    re: /(?<![a-z])(api[- ]?)?(key|keys|clé|clef|cle)(?![a-z])|(api-?)?\p{L}*(sleutel|schlüssel|schluessel)/giu,
  },
];
/** Labels that say "this long string is something else" (order numbers, tracking, bank). */
const OTHER_THING =
  /\b(iban|bic|order|bestelling|bestellung|commande|tracking|ref|referentie|référence|kvk|btw|vat|ust)\b/i;

type Mention = { half: Half; at: number; end: number };

/** Key/secret words in `text`, in order; a key word right after a secret word ("secret key") is a secret. */
export function mentions(text: string): Mention[] {
  const found: Mention[] = [];
  for (const { half, re } of WORDS)
    for (const m of text.matchAll(re)) found.push({ half, at: m.index, end: m.index + m[0].length });
  found.sort((a, b) => a.at - b.at);
  const merged: Mention[] = [];
  for (const m of found) {
    const last = merged.at(-1);
    // "secret key", "geheime sleutel", "clé secrète", "geheimer API-Schlüssel": one secret mention.
    if (last && last.half !== m.half && /^[\s-]*(api[\s-]*)?$/i.test(text.slice(last.end, m.at))) {
      last.half = "secret";
      last.end = m.end;
      continue;
    }
    merged.push(m);
  }
  return merged;
}

const hasTokenText = (line: string) => [...line.matchAll(TOKEN)].some((m) => isCredentialLike(m[0]));

/** The label of the token at `start..end` on line `index`: its own line first, then the lines above. */
function labelFor(
  lines: BodyLine[],
  index: number,
  start: number,
  end: number,
  ordinal: number,
): Half | null | "other" {
  const line = lines[index]!.text;
  const before = line.slice(0, start).replace(TOKEN, " ");
  const own = mentions(before);
  if (own.length) return own.at(-1)!.half;
  const after = mentions(line.slice(end).split(TOKEN)[0] ?? "");
  if (after.length) return after[0]!.half;
  if (OTHER_THING.test(before)) return "other";
  // A label line above ("Here are the key and secret:"), up to three lines up, skipping token lines.
  for (let up = index - 1, seen = 0; up >= 0 && seen < 3; up -= 1) {
    const text = lines[up]!.text.trim();
    if (!text) continue;
    seen += 1;
    if (hasTokenText(text) && !mentions(text.replace(TOKEN, " ")).length) continue;
    const words = mentions(text.replace(TOKEN, " "));
    if (!words.length) return null;
    const halves = [...new Set(words.map((w) => w.half))];
    return halves.length === 1 ? halves[0]! : (halves[ordinal] ?? null);
  }
  return null;
}

/** Every credential-like token in the body (quoted ones marked), signatures left out unless labelled. */
export function extractTokens(text: string, subject = ""): FoundToken[] {
  const lines = bodyLines(text, subject);
  const found: FoundToken[] = [];
  // Tokens under one label line are numbered, so "key and secret:" + two lines reads in order.
  let ordinal = 0;
  lines.forEach((line, index) => {
    const tokens = [...line.text.matchAll(TOKEN)].filter((m) => isCredentialLike(m[0]));
    if (!tokens.length) {
      if (line.text.trim()) ordinal = 0;
      return;
    }
    for (const m of tokens) {
      const label = labelFor(lines, index, m.index, m.index + m[0].length, ordinal);
      // An order number or a bank reference is not a credential; a long string in a signature (a
      // customer number, a VAT id) is only taken when labelled.
      if (label === "other" || (line.signature && !label)) continue;
      found.push({ value: m[0], label, quoted: line.quoted });
      ordinal += 1;
    }
  });
  return found;
}
