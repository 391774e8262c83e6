import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { RateLimitedError, RuleViolationError } from "@/lib/errors";
import { INVITE_ATTEMPT_LIMITS, acceptInvite } from "@/lib/staff/accept-invite";
import { issueInvite } from "@/lib/staff/invite-token";
import { createStaff } from "@/tests/factories/staff";

const PASSWORD = { password: "a long enough pass", passwordConfirm: "a long enough pass" };
let ipSequence = 0;
const freshIp = () => `192.0.2.${++ipSequence}`;

describe("invite acceptance throttle (issue 7, finding 9)", () => {
  it(`a link answers ${INVITE_ATTEMPT_LIMITS.perToken} attempts per hour, then refuses, whatever the address`, async () => {
    const token = randomBytes(32).toString("base64url"); // no such invite
    for (let i = 0; i < INVITE_ATTEMPT_LIMITS.perToken; i++) {
      await expect(acceptInvite({ token, ...PASSWORD }, { ip: freshIp() })).rejects.toThrow(RuleViolationError);
    }
    const error = await acceptInvite({ token, ...PASSWORD }, { ip: freshIp() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as Error).message).toMatch(/Too many attempts\. Please wait (60|59) minutes/);
  });

  it(`one address gets ${INVITE_ATTEMPT_LIMITS.perIp} attempts per hour across links, in parallel too`, async () => {
    const ip = freshIp();
    const attempts = Array.from({ length: INVITE_ATTEMPT_LIMITS.perIp + 10 }, () =>
      acceptInvite({ token: randomBytes(32).toString("base64url"), ...PASSWORD }, { ip }),
    );
    const results = await Promise.allSettled(attempts);
    const answered = results.filter((r) => r.status === "rejected" && r.reason instanceof RuleViolationError).length;
    expect(answered).toBe(INVITE_ATTEMPT_LIMITS.perIp);
  });

  it("parallel accepts of one valid link: exactly one sets the password, the others are told it is used", async () => {
    const { user } = await createStaff();
    const token = await db.transaction((tx) => issueInvite(tx, user.id, null));
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () => acceptInvite({ token, ...PASSWORD }, { ip: freshIp() })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) {
      expect((r as PromiseRejectedResult).reason.message).toMatch(/already been used/);
    }
  });
});
