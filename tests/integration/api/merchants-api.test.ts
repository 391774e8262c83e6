import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/merchants/route";
import { TEST_ENV } from "@/tests/helpers/test-env";
import { insertQueueMerchants } from "@/tests/factories/work-queue";

const get = (query: string, token: string | null = TEST_ENV.CRM_API_TOKEN) =>
  GET(
    new Request(`http://console.test/api/merchants?${query}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    }),
  );

type Body = { data: { company: string; step: string; updatedAt: string }[]; nextPage: number | null };

describe("GET /api/merchants (CRM)", () => {
  it("pages and filters by step and updated_since", async () => {
    const TAG = `crm${randomUUID().slice(0, 8)}`;
    const now = Date.now();
    await insertQueueMerchants(
      Array.from({ length: 5 }, (_, i) => ({
        company: `Crm ${i} ${TAG}`,
        stage: "password_reset" as const,
        ball: "merchant" as const,
        waitingDays: 1,
        activityHoursAgo: 0,
      })),
      now + 3_600_000, // in the future of every other test's rows, so updated_since isolates them
    );
    const since = new Date(now + 1_800_000).toISOString();
    const first = (await (await get(`step=password_reset&updated_since=${since}&limit=2`)).json()) as Body;
    expect(first.data.map((m) => m.company.endsWith(TAG))).toEqual([true, true]);
    expect(first.data.every((m) => m.step === "password_reset")).toBe(true);
    expect(first.nextPage).toBe(2);
    const third = (await (await get(`step=password_reset&updated_since=${since}&limit=2&page=3`)).json()) as Body;
    expect(third.data).toHaveLength(1);
    expect(third.nextPage).toBeNull();
    const otherStep = (await (await get(`step=live&updated_since=${since}`)).json()) as Body;
    expect(otherStep.data).toEqual([]);
  });

  it("refuses a missing or wrong token with 401", async () => {
    expect((await get("", null)).status).toBe(401);
    expect((await get("", "not-the-crm-token-0123456789abcdef")).status).toBe(401);
  });

  it("answers bad parameters with 400", async () => {
    for (const query of ["limit=1000", "step=nowhere", "updated_since=yesterday", "page=0", "secret=1"])
      expect((await get(query)).status, query).toBe(400);
  });
});
