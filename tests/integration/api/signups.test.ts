import { describe, expect, it } from "vitest";
import { sql } from "@/db/client";
import { POST } from "@/app/api/signups/route";
import { TEST_ENV } from "@/tests/helpers/test-env";
import { buildSignup, countByDomain } from "@/tests/factories/merchant";

function post(body: unknown, authorization: string | null = `Bearer ${TEST_ENV.SIGNUPS_API_TOKEN}`) {
  const headers = new Headers({ "content-type": "application/json" });
  if (authorization) headers.set("authorization", authorization);
  return POST(
    new Request("http://localhost/api/signups", {
      method: "POST",
      headers,
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
}

const rowsFor = countByDomain;

describe("POST /api/signups", () => {
  it("creates one merchant and answers 201 with its id", async () => {
    const signup = buildSignup();
    const response = await post(signup);
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    const [row] =
      await sql`select id, company, current_stage, ball_in_court from merchants where shop_domain = ${signup.shopDomain}`;
    expect(row).toMatchObject({
      id,
      company: signup.company,
      current_stage: "user_created",
      ball_in_court: "merchant",
    });
    const [step] = await sql`select stage from merchant_steps where merchant_id = ${id}`;
    expect(step?.stage).toBe("signed_up");
  });

  it("answers a bad body with 400 and the fields to fix", async () => {
    const response = await post({
      ...buildSignup(),
      cluster: "ap1",
      country: "Netherlands",
      contactEmail: "sanne(at)shop.nl",
      shopName: "",
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; fieldErrors: Record<string, string[]> };
    expect(Object.keys(body.fieldErrors).sort()).toEqual(["cluster", "contactEmail", "country", "shopName"]);
  });

  it("answers malformed JSON and a non-object body with 400", async () => {
    expect((await post("{not json")).status).toBe(400);
    const nothing = await post(null);
    expect(nothing.status).toBe(400);
  });

  it.each([
    ["a wrong token", "Bearer not-the-token-0123456789abcdef"],
    ["a token with the wrong scheme", `Basic ${TEST_ENV.SIGNUPS_API_TOKEN}`],
    ["no Authorization header", null],
  ])("answers %s with 401 and creates nothing", async (_name, authorization) => {
    const signup = buildSignup();
    const response = await post(signup, authorization);
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(await rowsFor(signup.shopDomain)).toBe(0);
  });

  it("answers a known shop domain (any casing, scheme or www.) with 409 and the existing id, never a second row", async () => {
    const signup = buildSignup();
    const first = (await (await post(signup)).json()) as { id: string };
    for (const variant of [
      signup.shopDomain,
      `https://WWW.${signup.shopDomain.toUpperCase()}/`,
      `www.${signup.shopDomain}`,
    ]) {
      const response = await post({ ...buildSignup(), shopDomain: variant });
      expect(response.status).toBe(409);
      expect(await response.json()).toMatchObject({ id: first.id, error: expect.stringContaining(signup.shopDomain) });
    }
    expect(await rowsFor(signup.shopDomain)).toBe(1);
  });
});
