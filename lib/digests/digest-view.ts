/**
 * What a digest email shows, independent of which digest it is: a few sections, each a list of
 * lines with a link, or a sentence saying the section is empty. The builders
 * (specialist-digest.ts, lead-digest.ts) fill it; email/digest-email.tsx draws it.
 */
export type DigestLine = { label: string; href: string; detail: string };

export type DigestSection = {
  heading: string;
  /** A count or other one-line summary above the list. */
  summary?: string;
  /** Shown instead of the list when it is empty. */
  empty: string;
  lines: DigestLine[];
  /** "and 12 more in the console" when the list was cut. */
  more?: string;
};

export type DigestView = {
  subject: string;
  preview: string;
  greeting: string;
  intro: string;
  sections: DigestSection[];
  console: { label: string; href: string };
  footer: string;
};

/** Long lists are cut: a digest is read in a minute, the console has the rest. */
export const DIGEST_LIST_LIMIT = 50;

export function capped(lines: DigestLine[], more: (n: number) => string): Pick<DigestSection, "lines" | "more"> {
  if (lines.length <= DIGEST_LIST_LIMIT) return { lines };
  return { lines: lines.slice(0, DIGEST_LIST_LIMIT), more: more(lines.length - DIGEST_LIST_LIMIT) };
}

export const FOOTER = "You can turn this digest off on your profile page in the console.";

/** "1 merchant", "3 merchants". */
export const count = (n: number, word: string, plural = `${word}s`) => `${n} ${n === 1 ? word : plural}`;
