import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError, UnauthenticatedError, ValidationError } from "@/lib/errors";
import { bulkAssign, BULK_ASSIGN_MAX } from "@/lib/work-queue/bulk-assign";
import { listWorkQueue } from "@/lib/work-queue/list-work-queue";
import { parseQueueParams } from "@/lib/work-queue/queue-params";
import { createStaff, type CreatedStaff } from "@/tests/factories/staff";
import { insertQueueMerchants } from "@/tests/factories/work-queue";

const TAG = `b${randomUUID().slice(0, 8)}`;
let lead: CreatedStaff, sam: CreatedStaff, tess: CreatedStaff;
let ids: Record<string, string>;

beforeAll(async () => {
  [lead, sam, tess] = await Promise.all([createStaff({ role: "lead" }), createStaff(), createStaff()]);
  ids = await insertQueueMerchants(
    ["One", "Two", "Three", "Four"].map((name) => ({
      company: `${name} ${TAG}`,
      stage: "user_created" as const,
      ball: "merchant" as const,
      waitingDays: 1,
      activityHoursAgo: 1,
    })),
  );
});

const queueOf = async (staff: CreatedStaff) =>
  (await listWorkQueue(staff.actor, parseQueueParams({ q: TAG }))).rows.map((r) => r.company).sort();

describe("bulk assign from the queue", () => {
  it("lets a lead assign a selection to a specialist, who then sees it in their default view", async () => {
    const result = await bulkAssign(lead.actor, {
      merchantIds: [ids[`One ${TAG}`], ids[`Two ${TAG}`]],
      specialistId: sam.user.id,
    });
    expect(result).toEqual({ updated: 2 });
    const { rows } = await listWorkQueue(sam.actor, parseQueueParams({}));
    expect(rows.map((r) => r.company).sort()).toEqual([`One ${TAG}`, `Two ${TAG}`]);
    expect(rows.every((r) => r.specialistName === sam.user.name)).toBe(true);
  });

  it("lets a specialist take unassigned merchants for themselves", async () => {
    await expect(
      bulkAssign(tess.actor, { merchantIds: [ids[`Three ${TAG}`]], specialistId: tess.user.id }),
    ).resolves.toEqual({ updated: 1 });
    expect(await queueOf(tess)).toEqual([`Three ${TAG}`]);
  });

  it("refuses a specialist assigning merchants to someone else, changing nothing", async () => {
    await expect(
      bulkAssign(tess.actor, { merchantIds: [ids[`Four ${TAG}`]], specialistId: sam.user.id }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const { rows } = await listWorkQueue(lead.actor, parseQueueParams({ q: TAG, specialist: "unassigned" }));
    expect(rows.map((r) => r.company)).toEqual([`Four ${TAG}`]);
  });

  it("lets a lead unassign", async () => {
    await bulkAssign(lead.actor, { merchantIds: [ids[`One ${TAG}`]], specialistId: null });
    const { rows } = await listWorkQueue(lead.actor, parseQueueParams({ q: TAG, specialist: "unassigned" }));
    expect(rows.map((r) => r.company).sort()).toEqual([`Four ${TAG}`, `One ${TAG}`]);
  });

  it("rejects an empty, oversized or malformed selection before touching data", async () => {
    await expect(bulkAssign(lead.actor, { merchantIds: [], specialistId: sam.user.id })).rejects.toBeInstanceOf(
      ValidationError,
    );
    const tooMany = Array.from({ length: BULK_ASSIGN_MAX + 1 }, () => randomUUID());
    await expect(bulkAssign(lead.actor, { merchantIds: tooMany, specialistId: sam.user.id })).rejects.toThrow(
      /at most 500/,
    );
    await expect(
      bulkAssign(lead.actor, { merchantIds: ["1; drop table merchants"], specialistId: sam.user.id }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      bulkAssign(lead.actor, { merchantIds: [ids[`Four ${TAG}`]], specialistId: "someone" }),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it("refuses an anonymous caller", async () => {
    await expect(
      bulkAssign(null, { merchantIds: [ids[`Four ${TAG}`]], specialistId: sam.user.id }),
    ).rejects.toBeInstanceOf(UnauthenticatedError);
  });
});
