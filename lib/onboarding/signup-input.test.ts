import { describe, expect, it } from "vitest";
import { z } from "zod";
import { consoleSignupInputSchema, normaliseShopDomain, signupInputSchema } from "./signup-input";

const valid = {
  company: "Wijnhuis De Bron B.V.",
  shopName: "Wijnhuis De Bron",
  shopDomain: "wijnhuis-debron.nl",
  cluster: "eu1",
  language: "nl",
  country: "NL",
  contactName: "Sanne de Vries",
  contactEmail: "sanne@wijnhuis-debron.nl",
};

describe("normaliseShopDomain", () => {
  it.each([
    ["https://www.Wijnhuis-DeBron.nl/shop?x=1", "wijnhuis-debron.nl"],
    ["WWW.wijnhuis-debron.nl", "wijnhuis-debron.nl"],
    ["  http://wijnhuis-debron.nl:443/  ", "wijnhuis-debron.nl"],
    ["shop.wijnhuis-debron.nl.", "shop.wijnhuis-debron.nl"],
    ["wijnhuis-debron.webshopapp.com#top", "wijnhuis-debron.webshopapp.com"],
  ])("%s → %s", (raw, expected) => {
    expect(normaliseShopDomain(raw)).toBe(expected);
  });
});

describe("signupInputSchema", () => {
  it("accepts a sign-up and normalises its fields", () => {
    const parsed = signupInputSchema.parse({
      ...valid,
      shopDomain: "https://www.Wijnhuis-DeBron.nl/",
      language: "NL",
      country: "nl",
      contactEmail: " Sanne@Wijnhuis-DeBron.nl ",
    });
    expect(parsed).toMatchObject({
      shopDomain: "wijnhuis-debron.nl",
      language: "nl",
      country: "NL",
      contactEmail: "sanne@wijnhuis-debron.nl",
    });
  });

  it("names every bad field", () => {
    const result = signupInputSchema.safeParse({
      ...valid,
      company: " ",
      shopDomain: "not a domain",
      cluster: "ap1",
      language: "dutch",
      country: "XX",
      contactEmail: "nope",
    });
    expect(result.success).toBe(false);
    const fields = Object.keys(z.flattenError(result.error!).fieldErrors).sort();
    expect(fields).toEqual(["cluster", "company", "contactEmail", "country", "language", "shopDomain"]);
  });

  it("refuses missing fields", () => {
    const result = signupInputSchema.safeParse({});
    expect(Object.keys(z.flattenError(result.error!).fieldErrors)).toHaveLength(8);
  });

  it.each(["xx", "xx1", "nl1", "zz"])("accepts only a known shop language, not %s", (language) => {
    expect(signupInputSchema.safeParse({ ...valid, language }).success).toBe(false);
  });

  it("accepts Lightspeed's non-ISO US codes", () => {
    expect(signupInputSchema.safeParse({ ...valid, language: "fc" }).success).toBe(true);
  });
});

describe("the merchant's time zone", () => {
  it("defaults from the country and keeps a zone of the country", () => {
    expect(signupInputSchema.parse({ ...valid, country: "NL" }).timeZone).toBe("Europe/Amsterdam");
    expect(signupInputSchema.parse({ ...valid, country: "US" }).timeZone).toBe("America/New_York");
    expect(signupInputSchema.parse({ ...valid, country: "US", timeZone: "America/Chicago" }).timeZone).toBe(
      "America/Chicago",
    );
  });
  it("refuses a zone of another country or an unknown zone", () => {
    for (const timeZone of ["Europe/Paris", "Mars/Olympus"]) {
      const result = signupInputSchema.safeParse({ ...valid, country: "US", timeZone });
      expect(z.flattenError(result.error!).fieldErrors.timeZone).toBeDefined();
    }
  });
  it("the console form asks where the country has several zones", () => {
    expect(consoleSignupInputSchema.safeParse({ ...valid, country: "US" }).success).toBe(false);
    expect(consoleSignupInputSchema.safeParse({ ...valid, country: "CA", timeZone: "America/Vancouver" }).success).toBe(
      true,
    );
    expect(consoleSignupInputSchema.parse({ ...valid, country: "DE" }).timeZone).toBe("Europe/Berlin");
  });
});
