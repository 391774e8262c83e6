import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isStorableText, textInput, UNSTORABLE_TEXT_MESSAGE } from "./text";

describe("textInput", () => {
  const schema = z.object({ note: textInput("Write a note").trim().min(1, "Write a note").max(20, "Too long") });
  const errorsOf = (note: unknown) => {
    const result = schema.safeParse({ note });
    return result.success ? null : z.flattenError(result.error).fieldErrors.note;
  };

  it.each([
    ["NUL", "hello\u0000world"],
    ["a NUL alone", "\u0000"],
    ["a lone high surrogate", "wine \uD83C"],
    ["a lone low surrogate", "\uDF77 wine"],
    ["surrogates in the wrong order", "\uDF77\uD83C"],
  ])("refuses %s with one clear field error", (_name, value) => {
    expect(errorsOf(value)).toEqual([UNSTORABLE_TEXT_MESSAGE]);
  });

  it("accepts ordinary text, accents and whole emoji, and still trims and checks length", () => {
    expect(schema.parse({ note: "  Château 🍷 ok  " })).toEqual({ note: "Château 🍷 ok" });
    expect(errorsOf("   ")).toEqual(["Write a note"]);
    expect(errorsOf("x".repeat(21))).toEqual(["Too long"]);
    expect(errorsOf(undefined)).toEqual(["Write a note"]);
    expect(isStorableText("tab\tand newline\n are fine")).toBe(true);
  });
});
