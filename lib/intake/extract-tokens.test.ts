import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { classifyTokens, type Owed } from "./classify-tokens";
import { extractTokens } from "./extract-tokens";
import { parseMessage } from "./parse-message";
import { MASK, redactTokens } from "./redact";

/** The corpus: realistic merchant emails in four languages, with what each should give (expected.json). */
const CORPUS = path.resolve(import.meta.dirname, "../../tests/fixtures/intake");
type Expected = {
  owed: ("key" | "secret")[];
  known: { key?: string[]; secret?: string[] };
  key: string | null;
  secret: string | null;
  repeated: string[];
  holdsSecret: boolean;
};
const expected = JSON.parse(readFileSync(path.join(CORPUS, "expected.json"), "utf8")) as Record<string, Expected>;
const files = readdirSync(CORPUS).filter((f) => f.endsWith(".eml"));

describe("the intake corpus", () => {
  it("has at least 30 emails in English, Dutch, German and French, each with its expectation", () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
    for (const lang of ["en", "nl", "de", "fr"]) expect(files.some((f) => f.startsWith(`${lang}-`))).toBe(true);
    expect(Object.keys(expected).sort()).toEqual(files.map((f) => f.replace(/\.eml$/, "")).sort());
  });

  it.each(files)("%s", async (file) => {
    const want = expected[file.replace(/\.eml$/, "")]!;
    const mail = await parseMessage(readFileSync(path.join(CORPUS, file)));
    const owed: Owed = { key: want.owed.includes("key"), secret: want.owed.includes("secret") };
    const got = classifyTokens(
      extractTokens(mail.text, mail.subject),
      { key: want.known.key ?? [], secret: want.known.secret ?? [] },
      owed,
    );
    expect({ key: got.key ?? null, secret: got.secret ?? null }).toEqual({ key: want.key, secret: want.secret });
    expect(got.repeated.sort()).toEqual(want.repeated.sort());
    expect(got.holdsSecret).toBe(want.holdsSecret);
    // The redacted body that triage stores keeps no token of the mail.
    const redacted = redactTokens(mail.text);
    for (const value of [want.key, want.secret, ...(want.known.key ?? []), ...(want.known.secret ?? [])])
      if (value) expect(redacted).not.toContain(value);
  });
});

describe("extractTokens", () => {
  const k = "a".repeat(16) + "1".repeat(16);
  it("ignores 31- and 33-character near misses and 32-letter words", () => {
    expect(extractTokens(`key ${k.slice(1)} and ${k}x and Datenschutzgrundverordnungsbeauftr`)).toEqual([]);
  });
  it("reads 'secret key', 'geheime sleutel', 'clé secrète' and 'geheimer API-Schlüssel' as the secret", () => {
    for (const phrase of ["secret key", "geheime sleutel", "clé secrète", "geheimer API-Schlüssel"])
      expect(extractTokens(`${phrase}: ${k}`)[0]?.label).toBe("secret");
  });
  it("reads 'API key and API secret' above two tokens in order", () => {
    const k2 = "b".repeat(16) + "2".repeat(16);
    expect(extractTokens(`API key and API secret:\n${k}\n${k2}`).map((t) => t.label)).toEqual(["key", "secret"]);
  });
  it("masks tokens and near misses in the stored body", () => {
    expect(redactTokens(`key ${k} near ${k.slice(1)}`)).toBe(`key ${MASK} near [hidden: 31 characters]`);
  });
});
