import { describe, expect, it } from "vitest";
import { CONNECT_ATTEMPT_LIMITS, createConnectLink, submitConnectCredentials } from "@/lib/connect-links";
import { RateLimitedError, ValidationError } from "@/lib/errors";
import { createStaff } from "@/tests/factories/staff";
import { closeConnectionsAfterAll, createEuMerchant, freshIp } from "./helpers";

closeConnectionsAfterAll();
const BAD = { key: "too-short", secret: "too-short" };

describe("connect page attempt limits under parallel submits (issue 7, finding 1)", () => {
  it(`25 parallel submits on one link get at most ${CONNECT_ATTEMPT_LIMITS.perToken} answers; the rest are refused`, async () => {
    const { actor } = await createStaff();
    const link = await createConnectLink(actor, { merchantId: (await createEuMerchant()).id });
    const results = await Promise.allSettled(
      Array.from({ length: 25 }, () => submitConnectCredentials(link.token, BAD, { ip: freshIp() })),
    );
    const answered = results.filter((r) => r.status === "rejected" && r.reason instanceof ValidationError).length;
    const refused = results.filter((r) => r.status === "rejected" && r.reason instanceof RateLimitedError).length;
    expect(answered).toBe(CONNECT_ATTEMPT_LIMITS.perToken);
    expect(refused).toBe(25 - CONNECT_ATTEMPT_LIMITS.perToken);
  });

  it(`parallel submits from one address are granted at most ${CONNECT_ATTEMPT_LIMITS.perIp} times`, async () => {
    const { actor } = await createStaff();
    const links = await Promise.all(
      Array.from({ length: 5 }, async () => createConnectLink(actor, { merchantId: (await createEuMerchant()).id })),
    );
    const ip = freshIp();
    const results = await Promise.allSettled(
      Array.from({ length: 45 }, (_, i) => submitConnectCredentials(links[i % 5]!.token, BAD, { ip })),
    );
    const answered = results.filter((r) => r.status === "rejected" && r.reason instanceof ValidationError).length;
    expect(answered).toBe(CONNECT_ATTEMPT_LIMITS.perIp);
  });
});
