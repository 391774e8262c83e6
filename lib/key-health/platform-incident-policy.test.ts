import { describe, expect, it } from "vitest";
import { evaluatePlatformIncident } from "./platform-incident-policy";

describe("platform incident rule", () => {
  it("opens at 30 % platform errors among at least 20 checks", () => {
    expect(evaluatePlatformIncident({ checks: 20, failures: 6 }, false)).toBe("open");
    expect(evaluatePlatformIncident({ checks: 20, failures: 5 }, false)).toBe("keep");
  });

  it("ignores a high share among too few checks", () => {
    expect(evaluatePlatformIncident({ checks: 19, failures: 19 }, false)).toBe("keep");
  });

  it("closes when errors fall under 10 %, and stays open while nothing was checked", () => {
    expect(evaluatePlatformIncident({ checks: 30, failures: 2 }, true)).toBe("close");
    expect(evaluatePlatformIncident({ checks: 30, failures: 3 }, true)).toBe("keep");
    expect(evaluatePlatformIncident({ checks: 0, failures: 0 }, true)).toBe("keep");
  });
});
