import { describe, expect, it } from "vitest";
import { planHalves } from "./pair-plan";

const KEY = { key: true, secret: false };
const SECRET = { key: false, secret: true };
const BOTH = { key: true, secret: true };

describe("planHalves", () => {
  it("starts a pair when none is pending", () => {
    expect(planHalves(null, KEY)).toEqual({ kind: "new_pair", carryKey: false });
    expect(planHalves(null, SECRET)).toEqual({ kind: "new_pair", carryKey: false });
  });

  it("fills a pair that is still collecting, in either order", () => {
    expect(planHalves({ status: "collecting", hasKey: true, hasSecret: false }, SECRET)).toEqual({ kind: "fill" });
    expect(planHalves({ status: "collecting", hasKey: false, hasSecret: true }, KEY)).toEqual({ kind: "fill" });
    expect(planHalves({ status: "collecting", hasKey: false, hasSecret: true }, BOTH)).toEqual({ kind: "fill" });
  });

  it("never pairs a new key with the secret of an older key", () => {
    expect(planHalves({ status: "rejected", hasKey: true, hasSecret: true }, KEY)).toEqual({
      kind: "new_pair",
      carryKey: false,
    });
    expect(planHalves({ status: "verifying", hasKey: true, hasSecret: true }, KEY)).toEqual({
      kind: "new_pair",
      carryKey: false,
    });
    expect(planHalves({ status: "rejected", hasKey: true, hasSecret: true }, BOTH)).toEqual({
      kind: "new_pair",
      carryKey: false,
    });
  });

  it("keeps the key when a corrected secret arrives alone for a rejected pair", () => {
    expect(planHalves({ status: "rejected", hasKey: true, hasSecret: true }, SECRET)).toEqual({
      kind: "new_pair",
      carryKey: true,
    });
  });
});
