import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { merchants } from "@/db/schema";
import { holdMerchant, resumeMerchant } from "@/lib/onboarding";
import { listWorkQueue } from "@/lib/work-queue/list-work-queue";
import { applyQueueDefaults, parseQueueParams, type QueueParamsInput } from "@/lib/work-queue/queue-params";
import { createMerchant } from "@/tests/factories/merchant";
import { createStaff, type CreatedStaff } from "@/tests/factories/staff";
import { shiftHistory } from "@/tests/helpers/sla-history";

// Scoped by a tag in the company name and a fresh specialist: other files share the database.
const TAG = `sla${randomBytes(3).toString("hex")}`;
const HOUR = 3_600_000;
let sam: CreatedStaff;
let lead: CreatedStaff;

/** Stored instants set directly: the SQL filter and sort read them, whatever computed them. */
async function withSla(name: string, due: number | null, warn: number | null) {
  const m = await createMerchant(
    { company: `${name} ${TAG}` },
    { completed: ["user_created"], specialistId: sam.user.id },
  );
  const at = (offset: number | null) => (offset === null ? null : new Date(Date.now() + offset));
  await db
    .update(merchants)
    .set({ slaDueAt: at(due), slaWarnAt: at(warn) })
    .where(eq(merchants.id, m.id));
  return m;
}

beforeAll(async () => {
  sam = await createStaff({ role: "specialist" });
  lead = await createStaff({ role: "lead" });
  await withSla("OnTrack", 3 * HOUR, 2 * HOUR);
  await withSla("NoTarget", null, null);
  await withSla("Breached", -HOUR, -2 * HOUR);
  await withSla("DueSoon", HOUR, -HOUR);
});

const companies = (rows: { company: string }[]) => rows.map((r) => r.company.replace(` ${TAG}`, ""));
const asLead = (input: QueueParamsInput) => listWorkQueue(lead.actor, parseQueueParams({ q: TAG, ...input }));

describe("the queue's SLA column", () => {
  it("a specialist's default view puts breached and due-soon first, merchants without a target last", async () => {
    const params = applyQueueDefaults(parseQueueParams({}), sam.actor);
    expect(params).toMatchObject({ sort: "timeToBreach", dir: "asc", specialist: sam.user.id });
    const { rows } = await listWorkQueue(sam.actor, params);
    expect(companies(rows)).toEqual(["Breached", "DueSoon", "OnTrack", "NoTarget"]);
  });

  it("sorts by time to breach in either direction, no target always last", async () => {
    expect(companies((await asLead({ sort: "timeToBreach", dir: "desc" })).rows)).toEqual([
      "OnTrack",
      "DueSoon",
      "Breached",
      "NoTarget",
    ]);
  });

  it.each([
    ["breached", ["Breached"]],
    ["due_soon", ["DueSoon"]],
    ["on_track", ["OnTrack"]],
  ])("filters sla=%s", async (sla, expected) => {
    const { rows, total } = await asLead({ sla, sort: "company" });
    expect(companies(rows)).toEqual(expected);
    expect(total).toBe(expected.length);
  });
});

describe("the queue's Waiting", () => {
  it("is business time in the current owner's calendar, and a hold and resume do not reset it", async () => {
    const m = await createMerchant({ company: `Waiting ${TAG}`, country: "NL" }, { completed: ["user_created"] });
    await shiftHistory(m.id, 7 * 24 * HOUR); // a week on "User approved": the merchant's move
    const before = (await asLead({ sort: "company" })).rows.find((r) => r.id === m.id)!;
    expect(before.waiting?.owner).toBe("merchant");
    // A week holds five working days of 8.5 h (give or take public holidays and today's hours).
    expect(before.waiting!.businessSeconds).toBeGreaterThan(3 * 8.5 * 3600);
    expect(before.waiting!.businessSeconds).toBeLessThanOrEqual(6 * 8.5 * 3600);

    await holdMerchant(lead.actor, { merchantId: m.id, reason: "Shop closed for stock-taking" });
    await resumeMerchant(lead.actor, { merchantId: m.id });
    const after = (await asLead({ sort: "company" })).rows.find((r) => r.id === m.id)!;
    expect(after.waitingSince).toEqual(before.waitingSince);
    expect(after.waiting!.businessSeconds).toBeGreaterThanOrEqual(before.waiting!.businessSeconds);
  });
});
