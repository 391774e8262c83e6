import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { queueCsvResponse } from "@/lib/work-queue/queue-csv";
import { createStaff } from "@/tests/factories/staff";
import { insertQueueMerchants } from "@/tests/factories/work-queue";

const TAG = `c${randomUUID().slice(0, 8)}`;
const csvUrl = (query: string) => new URL(`http://console.test/queue/csv?${query}`);

describe("the queue as CSV", () => {
  it("exports every row of the filtered view (beyond one page), in the view's order, in words", async () => {
    const lead = await createStaff({ role: "lead" });
    await insertQueueMerchants(
      Array.from({ length: 120 }, (_, i) => ({
        company: `=Shop ${String(i).padStart(3, "0")} ${TAG}`,
        stage: i % 2 ? ("user_created" as const) : ("key_received" as const),
        ball: "merchant" as const,
        waitingDays: 1,
        activityHoursAgo: 1,
      })),
    );
    const response = await queueCsvResponse(
      lead.actor,
      csvUrl(`q=${TAG}&stage=key_received&specialist=any&sort=company&dir=asc`),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain("queue.csv");
    const lines = (await response.text()).trim().split("\r\n");
    expect(lines[0]).toBe(
      '"Company","Shop","Domain","Cluster","Step","Ball in court","Waiting since","Specialist","Status"',
    );
    expect(lines).toHaveLength(1 + 60);
    // A formula-looking company is defused; the step is named, not coded.
    expect(lines[1]).toMatch(new RegExp(`^"'=Shop 000 ${TAG}",`));
    expect(lines[1]).toContain('"Merchant","');
    expect(lines[1]).toContain('"Unassigned"');
    expect(lines.slice(1).every((l) => !l.includes("key_received"))).toBe(true);
  });

  it("refuses the anonymous", async () => {
    expect((await queueCsvResponse(null, csvUrl(""))).status).toBe(401);
  });
});
