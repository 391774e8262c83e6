import { describe, expect, it } from "vitest";
import { fromWire, toQueueTable } from "@/app/(console)/queue/_components/queue-rows";
import type { QueueRow } from "@/lib/work-queue/list-work-queue";

const base: QueueRow = {
  id: "00014860-9192-48b6-90c6-90918e958a44",
  company: "Cave Bordeaux Huis",
  shopName: "Bordeaux Huis Webshop",
  shopDomain: "bordeauxhuis.be",
  cluster: "eu1",
  country: "BE",
  timeZone: "Europe/Brussels",
  workingHoursStart: null,
  workingHoursEnd: null,
  workingDays: null,
  currentStage: "key_received",
  ballInCourt: "merchant",
  waitingSince: new Date("2026-11-14T02:56:56.780Z"),
  specialistId: "4a66f3b2-aadf-4a84-9db5-a34cf3089c31",
  specialistName: null,
  lastActivityAt: new Date("2026-11-27T05:05:21.149Z"),
  onHold: false,
  holdReason: null,
  merchantActionRequired: null,
  cancelled: false,
  slaDueAt: null,
  slaWarnAt: null,
  waiting: { owner: "merchant", businessSeconds: 306_000 },
};

const roundTrip = (row: QueueRow) =>
  toQueueTable({ rows: [row], total: 1, pageCount: 1 }).rows.map((wire) => fromWire(structuredClone(wire)))[0];

describe("queue rows on their way to the client table", () => {
  it("arrive with what the row shows, and nothing for empty fields", () => {
    expect(roundTrip(base)).toEqual({
      id: base.id,
      company: base.company,
      shopName: base.shopName,
      shopDomain: base.shopDomain,
      cluster: "eu1",
      currentStage: "key_received",
      ballInCourt: "merchant",
      waitingSince: base.waitingSince,
      lastActivityAt: base.lastActivityAt,
      waitingSeconds: 306_000,
    });
  });

  it("carry the markers, the specialist and the SLA instants when set", () => {
    const row = roundTrip({
      ...base,
      specialistName: "Specialist 10",
      onHold: true,
      holdReason: "Owner travelling",
      merchantActionRequired: "Approve the user",
      cancelled: true,
      slaDueAt: new Date("2026-12-01T16:00:00Z"),
      slaWarnAt: new Date("2026-12-01T10:00:00Z"),
      waiting: null,
    });
    expect(row).toMatchObject({
      specialistName: "Specialist 10",
      onHold: true,
      holdReason: "Owner travelling",
      merchantActionRequired: "Approve the user",
      cancelled: true,
      slaDueAt: new Date("2026-12-01T16:00:00Z"),
      slaWarnAt: new Date("2026-12-01T10:00:00Z"),
    });
    expect(row).not.toHaveProperty("waitingSeconds");
  });
});
