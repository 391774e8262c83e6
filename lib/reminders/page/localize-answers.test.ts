import { describe, expect, it } from "vitest";
import { z } from "zod";
import { RateLimitedError, RuleViolationError, ValidationError } from "@/lib/errors";
import { formLanguageSchema, localizeConnectError, localizeSubmission } from "./localize-answers";

describe("answers on the merchant's own page", () => {
  const result = {
    outcome: "missing_permissions" as const,
    message: "The key works, but …",
    missing: ["Orders → Write"],
  };

  it("keeps English answers word for word (the /connect page's)", () => {
    expect(localizeSubmission(result, "en")).toBe(result);
    const error = new RateLimitedError("Too many attempts for this link.", 60);
    expect(localizeConnectError(error, "en")).toBe(error);
  });

  it("gives the verification's answer and the refusals in the shop's language", () => {
    expect(localizeSubmission(result, "nl").message).toContain("nog niet aangevinkt: Orders → Write");
    const limited = localizeConnectError(new RateLimitedError("Too many", 60), "de");
    expect(limited).toBeInstanceOf(RateLimitedError);
    expect((limited as RateLimitedError).message).toBe(
      "Zu viele Versuche. Bitte warten Sie eine Weile und versuchen Sie es erneut.",
    );
    expect((limited as RateLimitedError).retryAfterSeconds).toBe(60);
    expect((localizeConnectError(new RuleViolationError("This link has expired."), "fr") as Error).message).toContain(
      "Ce formulaire",
    );
    const parsed = z.object({ key: z.string().min(1) }).safeParse({ key: "" });
    const invalid = localizeConnectError(parsed.error, "nl") as ValidationError;
    expect(invalid.fieldErrors).toEqual({ key: ["Plak hem hier"] });
  });

  it("reads the posted language, English for anything else", () => {
    expect(["nl", "fr", "es", null].map((v) => formLanguageSchema.parse(v))).toEqual(["nl", "fr", "en", "en"]);
  });
});
