import { describe, expect, it } from "vitest";
import { verify } from "@/lib/lightspeed/verify";
import { US_SHOP, withSimulator } from "@/tests/helpers/simulator";

// The API may answer a switched-off key with 403 instead of 401 (reference, open question 1).
const lab = withSimulator({ disabledKeyStatus: 403, denialStatus: 401 });

describe("verify: a switched-off key answered with 403", () => {
  it("is invalid_credentials, and a 403 is not a reason to try us1", async () => {
    const key = lab.addKey({ enabled: false });
    const result = await verify({ key: key.key, secret: key.secret });
    expect(result).toMatchObject({ verdict: "invalid_credentials", cluster: null, requests: 1 });
    expect(key.paths()).toEqual(["eu1 GET /en/account.json 403"]);
  });

  it("still falls back on eu1's 401 for an enabled us1 key", async () => {
    const key = lab.addKey({ shopId: US_SHOP.id });
    const result = await verify({ key: key.key, secret: key.secret });
    expect(result).toMatchObject({ verdict: "healthy", cluster: "us1", requests: 9 });
  });
});
