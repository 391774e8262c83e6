import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  assignFormSchema,
  completeStepFormSchema,
  formDataObject,
  holdFormSchema,
  noteFormSchema,
  undoStepFormSchema,
} from "./forms";

const merchantId = "6f1c2b8e-3d4a-4b5c-9d6e-7f8091a2b3c4";
const errorsOf = (schema: z.ZodType, input: unknown) => {
  const result = schema.safeParse(input);
  return result.success ? {} : z.flattenError(result.error).fieldErrors;
};
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return formDataObject(data);
};

describe("completeStepFormSchema", () => {
  it("keeps only the evidence the step records and reads the local time in the staff member's zone", () => {
    const fields = {
      merchantId,
      stage: "key_received",
      receivedAt: "2026-01-05T09:30",
      via: "email",
      feed: "ignored",
      note: " ",
    };
    const parsed = completeStepFormSchema.parse({ ...form(fields), timeZone: "Europe/Amsterdam" });
    // 09:30 CET (UTC+1) is 08:30 UTC; in New York (EST, UTC-5) it is 14:30 UTC.
    expect(parsed).toEqual({
      merchantId,
      stage: "key_received",
      note: undefined,
      evidence: { receivedAt: "2026-01-05T08:30:00.000Z", via: "email" },
    });
    expect(completeStepFormSchema.parse({ ...form(fields), timeZone: "America/New_York" }).evidence.receivedAt).toBe(
      "2026-01-05T14:30:00.000Z",
    );
  });

  it("maps the checkbox and optional text evidence", () => {
    expect(
      completeStepFormSchema.parse(form({ merchantId, stage: "user_approved", fullPermissions: "on" })).evidence,
    ).toEqual({ fullPermissions: true });
    expect(
      completeStepFormSchema.parse(form({ merchantId, stage: "password_reset", note: "Reset mail arrived" })),
    ).toMatchObject({ note: "Reset mail arrived", evidence: {} });
  });

  it("names the field that is wrong", () => {
    expect(
      errorsOf(
        completeStepFormSchema,
        form({ merchantId, stage: "user_created", lightspeedUserEmail: "not-an-email" }),
      ),
    ).toHaveProperty("lightspeedUserEmail");
    expect(
      errorsOf(completeStepFormSchema, form({ merchantId, stage: "key_received", receivedAt: "2999-01-01T10:00" })),
    ).toEqual({ receivedAt: ["Cannot be in the future"] });
    expect(errorsOf(completeStepFormSchema, form({ merchantId, stage: "teleported" }))).toHaveProperty("stage");
    expect(errorsOf(completeStepFormSchema, form({ merchantId: "x", stage: "live" }))).toHaveProperty("merchantId");
  });
});

describe("undoStepFormSchema", () => {
  it("requires a reason", () => {
    expect(errorsOf(undoStepFormSchema, form({ merchantId, stage: "key_received", reason: "  " }))).toHaveProperty(
      "reason",
    );
    expect(errorsOf(undoStepFormSchema, form({ merchantId, stage: "key_received" }))).toHaveProperty("reason");
    expect(undoStepFormSchema.parse(form({ merchantId, stage: "key_received", reason: " wrong shop " })).reason).toBe(
      "wrong shop",
    );
  });
});

describe("holdFormSchema", () => {
  it("holds without an end date, or through the chosen day", () => {
    expect(holdFormSchema.parse(form({ merchantId, reason: "Harvest holidays", until: "" }))).toEqual({
      merchantId,
      reason: "Harvest holidays",
      until: null,
    });
    // Through 10 Mar in Amsterdam (CET): the hold ends at midnight into 11 Mar there.
    const parsed = holdFormSchema.parse({
      ...form({ merchantId, reason: "Harvest holidays", until: "2999-03-10" }),
      timeZone: "Europe/Amsterdam",
    });
    expect(parsed.until?.toISOString()).toBe("2999-03-10T23:00:00.000Z");
    const utc = holdFormSchema.parse({
      ...form({ merchantId, reason: "Harvest holidays", until: "2999-03-10" }),
      timeZone: "UTC",
    });
    expect(utc.until?.toISOString()).toBe("2999-03-11T00:00:00.000Z");
  });
  it("refuses a past date and a missing reason", () => {
    expect(errorsOf(holdFormSchema, form({ merchantId, reason: "Harvest holidays", until: "2001-01-01" }))).toEqual({
      until: ["Pick a date in the future"],
    });
    expect(errorsOf(holdFormSchema, form({ merchantId, reason: "" }))).toHaveProperty("reason");
  });
});

describe("assign and note forms", () => {
  it("reads an empty choice as unassign and rejects a made-up id", () => {
    expect(assignFormSchema.parse(form({ merchantId, specialistId: "" }))).toEqual({ merchantId, specialistId: null });
    expect(errorsOf(assignFormSchema, form({ merchantId, specialistId: "eva" }))).toEqual({
      specialistId: ["Pick a specialist"],
    });
  });
  it("needs a note with text", () => {
    expect(errorsOf(noteFormSchema, form({ merchantId, note: "   " }))).toEqual({ note: ["Write a note first"] });
    expect(noteFormSchema.parse(form({ merchantId, note: " Called the owner. " })).note).toBe("Called the owner.");
  });
});
