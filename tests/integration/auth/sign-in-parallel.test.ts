import { describe, expect, it } from "vitest";
import { InvalidCredentialsError, signInWithPassword } from "@/lib/auth/sign-in";
import { SIGN_IN_THROTTLE } from "@/lib/auth/sign-in-throttle-policy";
import { RateLimitedError } from "@/lib/errors";
import { createStaff } from "@/tests/factories/staff";

let ipCounter = 0;
const freshIp = () => `203.0.113.${++ipCounter}`;

/** Sorts settled attempts by what the caller saw: a password check that failed, a refusal, a session. */
function tally(results: PromiseSettledResult<unknown>[]) {
  const count = (test: (r: PromiseSettledResult<unknown>) => boolean) => results.filter(test).length;
  return {
    checkedAndWrong: count((r) => r.status === "rejected" && r.reason instanceof InvalidCredentialsError),
    refused: count((r) => r.status === "rejected" && r.reason instanceof RateLimitedError),
    signedIn: count((r) => r.status === "fulfilled"),
    other: count(
      (r) =>
        r.status === "rejected" &&
        !(r.reason instanceof InvalidCredentialsError) &&
        !(r.reason instanceof RateLimitedError),
    ),
  };
}

describe("sign-in throttle under parallel attempts (issue 7, finding 1)", () => {
  it("40 parallel guesses for one email, the last one right: at most 5 password checks and no session", async () => {
    const { user, password } = await createStaff();
    // Every guess from its own address: only the per-email budget can hold them back.
    const guesses = Array.from({ length: 39 }, (_, i) =>
      signInWithPassword({ email: user.email, password: `wrong-guess-${i}`, ip: freshIp() }),
    );
    guesses.push(signInWithPassword({ email: user.email, password, ip: freshIp() }));
    const outcome = tally(await Promise.allSettled(guesses));

    expect(outcome.other).toBe(0);
    expect(outcome.signedIn).toBe(0);
    expect(outcome.checkedAndWrong).toBeLessThanOrEqual(SIGN_IN_THROTTLE.maxFailures);
    expect(outcome.refused).toBe(40 - outcome.checkedAndWrong);
    // And afterwards the email stays blocked, right password or not.
    await expect(signInWithPassword({ email: user.email, password, ip: freshIp() })).rejects.toThrow(RateLimitedError);
  });

  it("parallel guesses from one address at many emails are checked at most 5 times", async () => {
    const ip = freshIp();
    const guesses = Array.from({ length: 30 }, (_, i) =>
      signInWithPassword({ email: `spray-${i}@staff.test`, password: "Summer2026!!", ip }),
    );
    const outcome = tally(await Promise.allSettled(guesses));
    expect(outcome.checkedAndWrong).toBeLessThanOrEqual(SIGN_IN_THROTTLE.maxFailures);
    expect(outcome.refused + outcome.checkedAndWrong).toBe(30);
  });

  it("successful sign-ins do not use up the address's budget (an office behind one NAT address)", async () => {
    const ip = freshIp();
    const colleagues = await Promise.all(Array.from({ length: SIGN_IN_THROTTLE.maxFailures + 2 }, () => createStaff()));
    for (const { user, password } of colleagues) {
      await expect(signInWithPassword({ email: user.email, password, ip })).resolves.toMatchObject({ id: user.id });
    }
  });
});
