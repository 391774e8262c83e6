import { describe, expect, it } from "vitest";
import { CONNECT_ATTEMPT_LIMITS, createConnectLink, submitConnectCredentials } from "@/lib/connect-links";
import { generateLinkToken } from "@/lib/connect-links/token";
import { RateLimitedError, RuleViolationError, ValidationError } from "@/lib/errors";
import { redis, redisKey } from "@/lib/redis";
import { createStaff } from "@/tests/factories/staff";
import { closeConnectionsAfterAll, createEuMerchant, freshIp } from "./helpers";

closeConnectionsAfterAll();
const BAD = { key: "too-short", secret: "too-short" };

describe("connect page attempt limits", () => {
  it(`allows ${CONNECT_ATTEMPT_LIMITS.perToken} attempts per link per hour, from any IP`, async () => {
    const { actor } = await createStaff();
    const link = await createConnectLink(actor, { merchantId: (await createEuMerchant()).id });
    for (let i = 0; i < CONNECT_ATTEMPT_LIMITS.perToken; i++) {
      // A different IP each time: the per-link budget holds on its own.
      await expect(submitConnectCredentials(link.token, BAD, { ip: freshIp() })).rejects.toThrow(ValidationError);
    }
    const error = await submitConnectCredentials(link.token, BAD, { ip: freshIp() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).message).toMatch(/Too many attempts\. Please wait (60|59) minutes/);
    expect((error as RateLimitedError).retryAfterSeconds).toBeGreaterThan(3500);
  });

  it(`allows ${CONNECT_ATTEMPT_LIMITS.perIp} attempts per IP per hour, across links (unknown ones too)`, async () => {
    const ip = freshIp();
    for (let i = 0; i < CONNECT_ATTEMPT_LIMITS.perIp; i++) {
      await expect(submitConnectCredentials(generateLinkToken(), BAD, { ip })).rejects.toThrow(RuleViolationError);
    }
    const { actor } = await createStaff();
    const link = await createConnectLink(actor, { merchantId: (await createEuMerchant()).id });
    await expect(submitConnectCredentials(link.token, BAD, { ip })).rejects.toThrow(RateLimitedError);
    // Another IP on the same link is not affected.
    await expect(submitConnectCredentials(link.token, BAD, { ip: freshIp() })).rejects.toThrow(ValidationError);
  });

  it("keeps its counters under REDIS_PREFIX, naming links only by their hash", async () => {
    const { actor } = await createStaff();
    const link = await createConnectLink(actor, { merchantId: (await createEuMerchant()).id });
    await submitConnectCredentials(link.token, BAD, { ip: freshIp() }).catch(() => undefined);
    const keys = await redis().keys(redisKey("connect-attempts", "*"));
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join(" ")).not.toContain(link.token);
  });
});
