import { describe, expect, it } from "vitest";
import { NotFoundError } from "@/lib/errors";
import { isUuid, parseId } from "./parse-id";

const id = "0f8fad5b-d9cb-469f-a165-70867728950e";

describe("parseId", () => {
  it("returns a well-formed id", () => {
    expect(parseId(id, "Merchant")).toBe(id);
    expect(isUuid(id)).toBe(true);
  });

  it("answers a malformed id as not found", () => {
    for (const bad of ["not-a-uuid", "", undefined, 42, `${id}x`]) {
      expect(isUuid(bad)).toBe(false);
      expect(() => parseId(bad, "Merchant")).toThrow(NotFoundError);
    }
    expect(() => parseId("nope", "Link")).toThrow("Link was not found.");
  });
});
