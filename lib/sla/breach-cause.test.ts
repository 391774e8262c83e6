import { describe, expect, it } from "vitest";
import { breachCause } from "./breach-cause";

const H = 3600;
const base = { agencyWorkSeconds: 6 * H, merchantWaitSeconds: 0, incidentSeconds: 0, targetSeconds: 4 * H };

describe("breachCause", () => {
  it("an Actenzo step over its target is ours", () => {
    expect(breachCause({ scope: "step", ...base })).toBe("agency");
  });
  it("is Lightspeed's when the step would have been on time without the incident", () => {
    expect(breachCause({ scope: "step", ...base, incidentSeconds: 2 * H })).toBe("platform");
    expect(breachCause({ scope: "step", ...base, incidentSeconds: 1 * H })).toBe("agency");
  });
  it("a merchant's wait never makes an Actenzo step's breach", () => {
    expect(breachCause({ scope: "step", ...base, merchantWaitSeconds: 40 * H })).toBe("agency");
  });
  it("end to end: the biggest share decides, a tie is ours", () => {
    const e2e = { scope: "end_to_end" as const, targetSeconds: 10 * H };
    expect(breachCause({ ...e2e, agencyWorkSeconds: 4 * H, merchantWaitSeconds: 9 * H, incidentSeconds: 0 })).toBe(
      "merchant",
    );
    expect(breachCause({ ...e2e, agencyWorkSeconds: 9 * H, merchantWaitSeconds: 3 * H, incidentSeconds: 6 * H })).toBe(
      "platform",
    );
    expect(breachCause({ ...e2e, agencyWorkSeconds: 6 * H, merchantWaitSeconds: 6 * H, incidentSeconds: 0 })).toBe(
      "agency",
    );
  });
});
