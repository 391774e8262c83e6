import { describe, expect, it } from "vitest";
import { isTimeZone, timeZoneChoices, timeZoneSchema } from "./zones";

describe("time zone names", () => {
  it("accepts IANA names and refuses the rest", () => {
    expect(isTimeZone("Europe/Amsterdam")).toBe(true);
    expect(isTimeZone("America/Argentina/Buenos_Aires")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Europe/Atlantis")).toBe(false);
    expect(isTimeZone("+01:00")).toBe(false);
    expect(isTimeZone("")).toBe(false);
    expect(timeZoneSchema.safeParse("Mars/Olympus").success).toBe(false);
  });
  it("offers UTC first and the agency's zone among the choices", () => {
    const choices = timeZoneChoices();
    expect(choices[0]).toBe("UTC");
    expect(choices).toContain("Europe/Amsterdam");
    expect(choices.filter((z) => z === "UTC")).toHaveLength(1);
  });
});
