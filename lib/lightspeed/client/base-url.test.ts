import { describe, expect, it } from "vitest";
import { BaseUrlError, baseUrlFor, setBaseUrls } from "./base-url";

describe("baseUrlFor", () => {
  it("defaults to the real Lightspeed hosts", () => {
    expect(baseUrlFor("eu1", {})).toBe("https://api.webshopapp.com");
    expect(baseUrlFor("us1", { LIGHTSPEED_US1_URL: "  " })).toBe("https://api.shoplightspeed.com");
  });

  it("takes the override for its own cluster only, without a trailing slash", () => {
    const source = { LIGHTSPEED_EU1_URL: "http://127.0.0.1:4101/" };
    expect(baseUrlFor("eu1", source)).toBe("http://127.0.0.1:4101");
    expect(baseUrlFor("us1", source)).toBe("https://api.shoplightspeed.com");
  });

  it.each(["not a url", "ftp://example.test", "http://user:pw@example.test", "http://example.test/?a=1"])(
    "refuses %s",
    (value) => {
      expect(() => baseUrlFor("us1", { LIGHTSPEED_US1_URL: value })).toThrow(BaseUrlError);
    },
  );

  it("prefers URLs injected for the process over the environment, per cluster, until cleared", () => {
    const source = { LIGHTSPEED_EU1_URL: "http://127.0.0.1:4101" };
    setBaseUrls({ eu1: "http://127.0.0.1:5101/" });
    try {
      expect(baseUrlFor("eu1", source)).toBe("http://127.0.0.1:5101");
      expect(baseUrlFor("us1", source)).toBe("https://api.shoplightspeed.com");
    } finally {
      setBaseUrls({});
    }
    expect(baseUrlFor("eu1", source)).toBe("http://127.0.0.1:4101");
  });
});
