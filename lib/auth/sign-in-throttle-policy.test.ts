import { describe, expect, it } from "vitest";
import { decideSignIn, throttleMessage } from "./sign-in-throttle-policy";

const fresh = { failures: 0, msLeft: 0 };
const policy = { maxFailures: 5, windowMs: 15 * 60_000 };

describe("decideSignIn", () => {
  it("allows attempts while both counters are under the limit", () => {
    expect(
      decideSignIn({ email: { failures: 4, msLeft: 60_000 }, ip: { failures: 4, msLeft: 60_000 } }, policy),
    ).toEqual({ allowed: true });
    expect(decideSignIn({ email: fresh, ip: fresh }, policy)).toEqual({ allowed: true });
  });

  it("refuses once the email has reached the limit, until its window ends", () => {
    expect(decideSignIn({ email: { failures: 5, msLeft: 90_500 }, ip: fresh }, policy)).toEqual({
      allowed: false,
      retryAfterSeconds: 91,
    });
  });

  it("refuses once the IP has reached the limit, whatever the email", () => {
    expect(decideSignIn({ email: fresh, ip: { failures: 7, msLeft: 120_000 } }, policy)).toEqual({
      allowed: false,
      retryAfterSeconds: 120,
    });
  });

  it("waits for the later window when both are blocked", () => {
    const decision = decideSignIn(
      { email: { failures: 5, msLeft: 60_000 }, ip: { failures: 5, msLeft: 600_000 } },
      policy,
    );
    expect(decision).toEqual({ allowed: false, retryAfterSeconds: 600 });
  });

  it("treats a blocked counter without expiry as a full window", () => {
    expect(decideSignIn({ email: { failures: 5, msLeft: -1 }, ip: fresh }, policy)).toEqual({
      allowed: false,
      retryAfterSeconds: 900,
    });
  });
});

describe("throttleMessage", () => {
  it("names the minutes to wait, rounded up", () => {
    expect(throttleMessage(899)).toBe("Too many failed sign-ins. Try again in 15 minutes.");
    expect(throttleMessage(61)).toBe("Too many failed sign-ins. Try again in 2 minutes.");
  });

  it("never says zero minutes", () => {
    expect(throttleMessage(5)).toBe("Too many failed sign-ins. Try again in 1 minute.");
  });
});
