import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { holdMerchant, resumeMerchant } from "@/lib/onboarding";
import { loadClockEvents } from "@/lib/sla/load-clock-events";
import { refreshMerchantClocks } from "@/lib/sla/refresh-merchant-clocks";
import { calendarInput, loadAgencyCalendar, merchantCalendar } from "@/lib/sla/sla-context";
import { waitingClock } from "@/lib/sla/waiting-clock";
import { executeQueueRows } from "@/lib/work-queue/queue-statements";
import { listWorkQueue } from "@/lib/work-queue/list-work-queue";
import { parseQueueParams } from "@/lib/work-queue/queue-params";
import { createMerchant } from "@/tests/factories/merchant";
import { createStaff } from "@/tests/factories/staff";
import { rewriteHistory } from "@/tests/helpers/rewrite-history";

const TAG = `wait${randomBytes(3).toString("hex")}`;

/** A Dutch merchant on "User approved" (its move) since `start`, optionally on hold from `held` to `resumed`. */
async function merchantWaiting(name: string, start: string, hold?: { held: string; resumed: string }, tag = TAG) {
  const staff = await createStaff();
  const m = await createMerchant({ company: `${name} ${tag}`, country: "NL" }, { completed: ["user_created"] });
  if (hold) {
    await holdMerchant(staff.actor, { merchantId: m.id, reason: "Owner travelling" });
    await resumeMerchant(staff.actor, { merchantId: m.id });
  }
  await rewriteHistory(async (tx) => {
    await tx`update merchant_events set created_at = ${start} where merchant_id = ${m.id} and type not in ('held', 'resumed')`;
    if (hold) {
      await tx`update merchant_events set created_at = ${hold.held} where merchant_id = ${m.id} and type = 'held'`;
      await tx`update merchant_events set created_at = ${hold.resumed} where merchant_id = ${m.id} and type = 'resumed'`;
    }
    await tx`update merchants set created_at = ${start}, stage_entered_at = ${start} where id = ${m.id}`;
  });
  await db.transaction((tx) => refreshMerchantClocks(tx, m.id));
  return m;
}

describe("the queue sorted by Waiting", () => {
  it("orders by the business time it shows, not by how long ago the step started", async () => {
    const lead = await createStaff({ role: "lead" });
    // Started first, but worked one hour and then sat on hold for three weeks (a hold never counts).
    const held = await merchantWaiting("Held", "2026-11-02T08:00:00Z", {
      held: "2026-11-02T09:00:00Z",
      resumed: "2026-11-23T08:00:00Z",
    });
    // Started two weeks later and has waited ever since.
    const steady = await merchantWaiting("Steady", "2026-11-16T08:00:00Z");

    const longestFirst = await listWorkQueue(
      lead.actor,
      parseQueueParams({ q: TAG, sort: "waitingSince", dir: "asc" }),
    );
    expect(longestFirst.rows.map((r) => r.id)).toEqual([steady.id, held.id]);
    const [first, second] = longestFirst.rows;
    expect(first!.waiting!.businessSeconds).toBeGreaterThan(second!.waiting!.businessSeconds);
    // On the calendar it is the other way round (the hover's figure).
    expect(first!.waitingSince.getTime()).toBeGreaterThan(second!.waitingSince.getTime());

    const shortestFirst = await listWorkQueue(
      lead.actor,
      parseQueueParams({ q: TAG, sort: "waitingSince", dir: "desc" }),
    );
    expect(shortestFirst.rows.map((r) => r.id)).toEqual([held.id, steady.id]);
  });

  it("shows the Waiting its events give, read from the stored anchor (held and resumed, or still on hold)", async () => {
    const lead = await createStaff({ role: "lead" });
    // Their own tag: the other tests search for TAG and expect only their merchants.
    const tag = `anchor${randomBytes(3).toString("hex")}`;
    const hold = { held: "2026-11-10T09:00:00Z", resumed: "2026-11-17T08:00:00Z" };
    const resumed = await merchantWaiting("Resumed", "2026-11-09T08:00:00Z", hold, tag);
    const paused = await createMerchant(
      { company: `Still held ${tag}`, country: "NL" },
      { completed: ["user_created"] },
    );
    await holdMerchant(lead.actor, { merchantId: paused.id, reason: "Owner travelling" });
    const { rows } = await listWorkQueue(lead.actor, parseQueueParams({ q: tag, sort: "company", dir: "asc" }));
    const now = new Date();
    const agency = await loadAgencyCalendar();
    for (const m of [resumed, paused]) {
      const row = rows.find((r) => r.id === m.id)!;
      const events = (await loadClockEvents(db, [m.id])).get(m.id)!;
      const calendars = { agency, merchant: merchantCalendar(calendarInput(row)) };
      const fromEvents = waitingClock(events, row.currentStage, row.ballInCourt, calendars, now)!;
      expect(row.waiting!.owner).toBe(fromEvents.owner);
      // The two reads are a moment apart; business time moves at most that much in between.
      expect(Math.abs(row.waiting!.businessSeconds - fromEvents.businessSeconds)).toBeLessThanOrEqual(5);
    }
    // The held row's events come with its row (decision 0041), exactly as loadClockEvents reads them.
    const stored = await executeQueueRows(lead.actor, parseQueueParams({ q: tag, sort: "company", dir: "asc" }));
    expect(stored.find((r) => r.id === paused.id)!.pausedClockEvents).toEqual(
      (await loadClockEvents(db, [paused.id])).get(paused.id),
    );
    expect(stored.find((r) => r.id === resumed.id)!.pausedClockEvents).toBeNull();
  });

  it("puts a merchant on hold (no clock running) after the running ones", async () => {
    const lead = await createStaff({ role: "lead" });
    const specialist = await createStaff();
    const m = await createMerchant({ company: `Paused ${TAG}`, country: "NL" }, { completed: ["user_created"] });
    await holdMerchant(specialist.actor, { merchantId: m.id, reason: "Owner travelling" });
    const { rows } = await listWorkQueue(lead.actor, parseQueueParams({ q: TAG, sort: "waitingSince", dir: "asc" }));
    expect(rows.at(-1)!.id).toBe(m.id);
  });
});
