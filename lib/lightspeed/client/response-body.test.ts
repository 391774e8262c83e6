import { describe, expect, it } from "vitest";
import { checkSuccessBody, unwrapEnvelope } from "./response-body";

describe("checkSuccessBody", () => {
  it("accepts a JSON object", () => {
    expect(checkSuccessBody('{"count": 3}')).toEqual({ ok: true, body: { count: 3 } });
  });

  it.each([
    ["HTML", "<html><body>Maintenance</body></html>"],
    ["an empty body", ""],
    ["a JSON array", "[1,2]"],
    ["a JSON string", '"ok"'],
    ["an error envelope on 2xx", '{"error": {"code": 500, "message": "oops"}}'],
  ])("refuses %s", (_name, text) => {
    expect(checkSuccessBody(text).ok).toBe(false);
  });
});

describe("unwrapEnvelope", () => {
  it("returns the value under the root key, or undefined", () => {
    expect(unwrapEnvelope({ account: { id: 7 } }, "account")).toEqual({ id: 7 });
    expect(unwrapEnvelope({ shop: {} }, "account")).toBeUndefined();
  });
});
