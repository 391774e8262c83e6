import { describe, expect, it } from "vitest";
import { browserLanguage } from "./browser-language";

describe("browserLanguage", () => {
  it.each([
    ["nl-NL,nl;q=0.9,en-US;q=0.8,en;q=0.7", "nl"],
    ["de-CH", "de"],
    ["fr-BE,fr;q=0.9", "fr"],
    ["en-GB,en;q=0.9", "en"],
  ])("takes the first language we write in: %s → %s", (header, language) => {
    expect(browserLanguage(header)).toBe(language);
  });

  it("ranks by quality, not by position", () => {
    expect(browserLanguage("en;q=0.5,de;q=0.9")).toBe("de");
  });

  it("skips languages we do not write in, and refused ones (q=0)", () => {
    expect(browserLanguage("es-ES,es;q=0.9,fr;q=0.8")).toBe("fr");
    expect(browserLanguage("nl;q=0,de;q=0.1")).toBe("de");
  });

  it("falls back to English without a usable header", () => {
    expect(browserLanguage(null)).toBe("en");
    expect(browserLanguage("")).toBe("en");
    expect(browserLanguage("*")).toBe("en");
    expect(browserLanguage("ja,zh;q=0.8")).toBe("en");
    expect(browserLanguage("nl;q=abc")).toBe("en");
  });
});
