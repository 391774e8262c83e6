import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, slaStepClocks } from "@/db/schema";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { getReminderOverview } from "@/lib/reminders/get-next-reminder";
import { planDueReminders } from "@/lib/reminders/plan-due-reminders";
import { addBusinessSeconds, businessSeconds } from "@/lib/sla/business-time";
import { parseCalendar } from "@/lib/sla/calendar";
import { getMerchantSlaClocks } from "@/lib/sla/get-merchant-sla-clocks";
import { refreshMerchantClocks } from "@/lib/sla/refresh-merchant-clocks";
import { updateMerchantCalendar } from "@/lib/sla/update-merchant-calendar";
import { listWorkQueue } from "@/lib/work-queue/list-work-queue";
import { parseQueueParams } from "@/lib/work-queue/queue-params";
import { createMerchant, readMerchant } from "@/tests/factories/merchant";
import { createStaff } from "@/tests/factories/staff";
import { rewriteHistory } from "@/tests/helpers/rewrite-history";
import { NOW, outboxOf, stall } from "../reminders/helpers";

const TAG = `hours${randomBytes(3).toString("hex")}`;
// Monday 2 Nov 2026, 09:00 in Amsterdam (UTC+1): the back-office user is created, "User approved" is the merchant's move.
const STEP_START = "2026-11-02T08:00:00Z";

/** A Dutch merchant waiting on "User approved" since STEP_START, with its clocks computed. */
async function waitingMerchant() {
  const m = await createMerchant(
    { company: `Waits ${TAG}`, country: "NL", timeZone: "Europe/Amsterdam" },
    { completed: ["user_created"] },
  );
  await rewriteHistory(async (tx) => {
    await tx`update merchant_events set created_at = ${STEP_START} where merchant_id = ${m.id}`;
    await tx`update merchants set created_at = ${STEP_START}, stage_entered_at = ${STEP_START} where id = ${m.id}`;
  });
  await db.transaction((tx) => refreshMerchantClocks(tx, m.id));
  return m;
}

/** The stored end-to-end clock: its due time sums agency work and merchant wait, each on its own calendar. */
const endToEnd = async (merchantId: string) =>
  (
    await db
      .select()
      .from(slaStepClocks)
      .where(and(eq(slaStepClocks.merchantId, merchantId), eq(slaStepClocks.step, "end_to_end")))
  )[0]!;
/** Since the merchant has had the ball from the start, it is due after the target in the merchant's hours. */
const dueIn = (target: number | null, hours: string) =>
  addBusinessSeconds(new Date(STEP_START), target!, calendar(hours));
const calendar = (hours: string) => parseCalendar({ timeZone: "Europe/Amsterdam", country: "NL", hours });

/** The queue's Waiting for the merchant, and the instants just before and after it was computed. */
async function queueWaiting(lead: Awaited<ReturnType<typeof createStaff>>, merchantId: string) {
  const before = new Date();
  const { rows } = await listWorkQueue(lead.actor, parseQueueParams({ q: TAG, sort: "company" }));
  const after = new Date();
  return { waiting: rows.find((r) => r.id === merchantId)!.waiting!, before, after };
}

describe("a merchant's working hours", () => {
  it("a lead sets them (audited, specialists refused); the queue's Waiting and the end-to-end due time follow them", async () => {
    const lead = await createStaff({ role: "lead" });
    const specialist = await createStaff({ role: "specialist" });
    const m = await waitingMerchant();

    const byDefaultDue = await endToEnd(m.id);
    expect(byDefaultDue.dueAt).toEqual(dueIn(byDefaultDue.targetSeconds, "09:00-17:30"));
    const byDefault = await queueWaiting(lead, m.id);
    expect(byDefault.waiting.owner).toBe("merchant");
    expect(byDefault.waiting.businessSeconds).toBeGreaterThanOrEqual(
      businessSeconds(new Date(STEP_START), byDefault.before, calendar("09:00-17:30")),
    );

    await expect(
      updateMerchantCalendar(specialist.actor, { merchantId: m.id, hours: "13:00-17:30", days: "mon,tue,wed,thu,fri" }),
    ).rejects.toThrow(ForbiddenError);
    await updateMerchantCalendar(lead.actor, {
      merchantId: m.id,
      hours: "13:00-17:30",
      days: ["fri", "mon", "tue", "wed", "thu"],
    });

    expect(await readMerchant(m.id)).toMatchObject({
      workingHoursStart: 780,
      workingHoursEnd: 1050,
      workingDays: null,
    });
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, m.id), eq(auditLog.action, "merchant.calendar_changed")));
    expect(entry).toMatchObject({ actorId: lead.user.id, details: { summary: "hours 09:00-17:30 → 13:00-17:30" } });

    // 4.5 working hours a day instead of 8.5: due much later, recomputed by the edit itself.
    const afternoonsDue = await endToEnd(m.id);
    expect(afternoonsDue.dueAt).toEqual(dueIn(afternoonsDue.targetSeconds, "13:00-17:30"));
    expect(afternoonsDue.dueAt!.getTime()).toBeGreaterThan(byDefaultDue.dueAt!.getTime());
    const afternoons = await queueWaiting(lead, m.id);
    expect(afternoons.waiting.businessSeconds).toBeGreaterThanOrEqual(
      businessSeconds(new Date(STEP_START), afternoons.before, calendar("13:00-17:30")),
    );
    expect(afternoons.waiting.businessSeconds).toBeLessThanOrEqual(
      businessSeconds(new Date(STEP_START), afternoons.after, calendar("13:00-17:30")),
    );
    expect(afternoons.waiting.businessSeconds).toBeLessThan(byDefault.waiting.businessSeconds);
    const workspace = await getMerchantSlaClocks(lead.actor, m.id);
    expect(workspace).toMatchObject({ hours: { start: 780, end: 1050 }, defaultHours: false });

    // Back to the default: stored as "the default" again.
    await updateMerchantCalendar(lead.actor, { merchantId: m.id, hours: "09:00-17:30", days: "mon,tue,wed,thu,fri" });
    expect(await readMerchant(m.id)).toMatchObject({
      workingHoursStart: null,
      workingHoursEnd: null,
      workingDays: null,
    });
    expect((await endToEnd(m.id)).dueAt).toEqual(byDefaultDue.dueAt);
  });

  it.each([
    ["17:00-09:00", "mon"],
    ["09:00-25:00", "mon"],
    ["24:00-24:00", "mon"],
    ["09:00-17:00", ""],
    ["09:00-17:00", "someday"],
  ])("refuses hours %s on days '%s'", async (hours, days) => {
    const lead = await createStaff({ role: "lead" });
    const m = await createMerchant({ country: "NL" });
    await expect(updateMerchantCalendar(lead.actor, { merchantId: m.id, hours, days })).rejects.toThrow(
      ValidationError,
    );
  });

  it("accepts 24:00 as the end and any set of days", async () => {
    const lead = await createStaff({ role: "lead" });
    const m = await createMerchant({ country: "NL" });
    await updateMerchantCalendar(lead.actor, { merchantId: m.id, hours: "18:00-24:00", days: "sat,sun" });
    expect(await readMerchant(m.id)).toMatchObject({
      workingHoursStart: 1080,
      workingHoursEnd: 1440,
      workingDays: ["sun", "sat"],
    });
  });
});

describe("reminders in the merchant's stored hours", () => {
  it("wait for the merchant's afternoon opening, then go out", async () => {
    const lead = await createStaff({ role: "lead" });
    // NOW is Thursday 11:00 in Amsterdam: inside the default hours, before this merchant's.
    const m = await createMerchant({ company: `Late ${TAG}`, country: "NL", timeZone: "Europe/Amsterdam" });
    await updateMerchantCalendar(lead.actor, { merchantId: m.id, hours: "13:00-17:30", days: "mon,tue,wed,thu,fri" });
    await stall(m.id);

    await planDueReminders(NOW);
    expect(await outboxOf(m.id)).toHaveLength(0);
    const { next } = await getReminderOverview(lead.actor, m.id, NOW);
    expect(next).toMatchObject({ state: "planned", number: 1, at: new Date("2026-11-26T12:00:00Z") });

    await planDueReminders(new Date("2026-11-26T12:30:00Z"));
    expect(await outboxOf(m.id)).toHaveLength(1);
  });
});
