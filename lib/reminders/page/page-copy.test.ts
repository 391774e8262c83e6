import { describe, expect, it } from "vitest";
import { REMINDER_LANGUAGES } from "@/db/vocabulary/reminders";
import { STEPS } from "@/lib/pipeline/steps";
import { MERCHANT_PAGE_COPY } from "./page-copy";

/** Every leaf of a copy object, as "path" → value (functions called with sample arguments). */
function leaves(value: unknown, path = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === "string") out.set(path, value);
  else if (typeof value === "function") out.set(path, String((value as (a: unknown) => unknown)(["Orders → Write"])));
  else if (value && typeof value === "object") {
    for (const [key, child] of Object.entries(value))
      for (const [p, v] of leaves(child, `${path}.${key}`)) out.set(p, v);
  }
  return out;
}

describe("the merchant page's words", () => {
  const english = leaves(MERCHANT_PAGE_COPY.en);

  it("has every step's name", () => {
    expect(Object.keys(MERCHANT_PAGE_COPY.en.steps).sort()).toEqual([...STEPS].sort());
  });

  for (const language of REMINDER_LANGUAGES) {
    it(`${language}: has every key, none empty`, () => {
      const words = leaves(MERCHANT_PAGE_COPY[language]);
      expect([...words.keys()].sort()).toEqual([...english.keys()].sort());
      for (const [key, text] of words) expect(text.trim(), key).not.toBe("");
    });
  }

  it("is translated, not copied: each language differs from English in most of its words", () => {
    for (const language of ["nl", "de", "fr"] as const) {
      const words = leaves(MERCHANT_PAGE_COPY[language]);
      const same = [...words].filter(([key, text]) => english.get(key) === text).map(([key]) => key);
      // "Live" and similar borrowed words may stay; the headings and sentences may not.
      expect(same.length, `${language}: ${same.join(", ")}`).toBeLessThan(4);
    }
  });

  it("names the shop and the unticked checkboxes in the sentences that carry them", () => {
    expect(MERCHANT_PAGE_COPY.nl.heading("Wijnhuis De Bron")).toBe("Wijnhuis De Bron koppelen aan Actenzo");
    expect(MERCHANT_PAGE_COPY.de.form.messages.missing_permissions(["Orders → Write"])).toContain("Orders → Write");
  });
});
