import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { UnauthenticatedError } from "@/lib/errors";
import { queueFacets } from "@/lib/work-queue/queue-facets";
import { parseQueueParams } from "@/lib/work-queue/queue-params";
import { createStaff, type CreatedStaff } from "@/tests/factories/staff";
import { insertQueueMerchants } from "@/tests/factories/work-queue";

const TAG = `f${randomBytes(4).toString("hex")}`;
let lead: CreatedStaff;

beforeAll(async () => {
  lead = await createStaff({ role: "lead" });
  await insertQueueMerchants([
    { company: `A ${TAG}`, stage: "key_received", ball: "merchant", waitingDays: 1, activityHoursAgo: 1 },
    {
      company: `B ${TAG}`,
      stage: "key_received",
      ball: "merchant",
      waitingDays: 1,
      activityHoursAgo: 1,
      cluster: "us1",
    },
    { company: `C ${TAG}`, stage: "password_reset", ball: "agency", waitingDays: 1, activityHoursAgo: 1 },
    { company: `D ${TAG}`, stage: null, ball: null, waitingDays: 1, activityHoursAgo: 1 },
    {
      company: `E ${TAG}`,
      stage: "key_received",
      ball: "merchant",
      waitingDays: 1,
      activityHoursAgo: 1,
      cancelled: true,
    },
  ]);
});

describe("queueFacets", () => {
  it("counts each step under the other filters, ignoring the step filter itself", async () => {
    const { stage } = await queueFacets(lead.actor, parseQueueParams({ q: TAG, stage: "password_reset" }));
    expect(stage).toEqual({ key_received: 2, password_reset: 1, done: 1 });
    const usOnly = await queueFacets(lead.actor, parseQueueParams({ q: TAG, cluster: "us1" }));
    expect(usOnly.stage).toEqual({ key_received: 1 });
  });

  it("refuses an anonymous caller", async () => {
    await expect(queueFacets(null, parseQueueParams({}))).rejects.toBeInstanceOf(UnauthenticatedError);
  });
});
