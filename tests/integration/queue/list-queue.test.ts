import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "@/lib/auth/actor";
import { ForbiddenError, UnauthenticatedError } from "@/lib/errors";
import { STEPS } from "@/lib/pipeline/steps";
import { listWorkQueue, type QueueRow } from "@/lib/work-queue/list-work-queue";
import { parseQueueParams, QUEUE_SORT_COLUMNS, type QueueParamsInput } from "@/lib/work-queue/queue-params";
import { createMerchant } from "@/tests/factories/merchant";
import { createStaff, type CreatedStaff } from "@/tests/factories/staff";
import { insertQueueMerchants, type QueueMerchantSpec } from "@/tests/factories/work-queue";

// Other test files share this worker's database, so every query here is scoped by a tag in the
// company name (or by fresh staff) and answers are computed from the specs below.
const hex = randomBytes(3).toString("hex");
const TAG = `q${hex}`;
const TOKENS = { company: `Cmp${hex}`, domain: `dom${hex}`, email: `eml${hex}` };

let lead: CreatedStaff, anna: CreatedStaff, bert: CreatedStaff;
let specs: (QueueMerchantSpec & { specialist: "anna" | "bert" | null })[];

beforeAll(async () => {
  lead = await createStaff({ role: "lead" });
  anna = await createStaff({ role: "specialist", name: `Anna ${hex}` });
  bert = await createStaff({ role: "specialist", name: `Bert ${hex}` });
  specs = [
    {
      company: `Alpha ${TAG}`,
      specialist: "anna",
      stage: "key_received",
      ball: "merchant",
      waitingDays: 5,
      activityHoursAgo: 1,
    },
    {
      company: `Bravo ${TAG}`,
      specialist: "anna",
      stage: "password_reset",
      ball: "agency",
      waitingDays: 2,
      activityHoursAgo: 72,
      onHold: true,
    },
    {
      company: `Charlie ${TAG}`,
      specialist: "bert",
      stage: "secret_received",
      ball: "merchant",
      waitingDays: 10,
      activityHoursAgo: 2,
      cluster: "us1",
      onHold: true,
    },
    {
      company: `Delta ${TAG}`,
      specialist: null,
      stage: "user_created",
      ball: "merchant",
      waitingDays: 1,
      activityHoursAgo: 0.2,
      cluster: "us1",
    },
    {
      company: `Echo ${TAG}`,
      specialist: "bert",
      stage: "key_verified",
      ball: "merchant",
      waitingDays: 3,
      activityHoursAgo: 5,
      actionRequired: "Tick the Orders permission",
    },
    { company: `Foxtrot ${TAG}`, specialist: "anna", stage: null, ball: null, waitingDays: 20, activityHoursAgo: 30 },
    {
      company: `Golf ${TAG}`,
      specialist: "anna",
      stage: "key_received",
      ball: "merchant",
      waitingDays: 4,
      activityHoursAgo: 4,
      cancelled: true,
    },
    {
      company: `Juliet ${TOKENS.company} ${TAG}`,
      specialist: "bert",
      stage: "user_approved",
      ball: "merchant",
      waitingDays: 6,
      activityHoursAgo: 6,
      shopName: "Zinfandel shop",
    },
    {
      company: `Kilo ${TAG}`,
      specialist: null,
      stage: "live",
      ball: "agency",
      waitingDays: 7,
      activityHoursAgo: 7,
      domain: `kilo-${TOKENS.domain}.be`,
    },
    {
      company: `Lima ${TAG}`,
      specialist: "bert",
      stage: "key_received",
      ball: "merchant",
      waitingDays: 8,
      activityHoursAgo: 8,
      domain: `lima-${hex}.de`,
      email: `${TOKENS.email}@mail.test`,
    },
  ];
  const staffId = { anna: anna.user.id, bert: bert.user.id };
  await insertQueueMerchants(specs.map((s) => ({ ...s, specialistId: s.specialist ? staffId[s.specialist] : null })));
  // One merchant through the real verbs: signed up, first step done, claimed by Anna.
  await createMerchant(
    { company: `Hotel ${TAG}`, cluster: "eu1" },
    { completed: ["user_created"], specialistId: anna.user.id },
  );
  specs.push({
    company: `Hotel ${TAG}`,
    specialist: "anna",
    stage: "user_approved",
    ball: "merchant",
    waitingDays: 0,
    activityHoursAgo: 0,
  });
});

const companies = (rows: QueueRow[]) => rows.map((r) => r.company).sort();
// Without a step filter the queue shows work in progress: neither cancelled nor fully onboarded merchants.
const expected = (keep: (s: (typeof specs)[number]) => boolean) =>
  specs
    .filter((s) => !s.cancelled && s.stage !== null && keep(s))
    .map((s) => s.company)
    .sort();
const asLead = (input: QueueParamsInput) =>
  listWorkQueue(lead.actor, parseQueueParams({ q: TAG, perPage: "100", ...input }));

describe("listWorkQueue authorization", () => {
  it("refuses an anonymous caller before reading anything", async () => {
    await expect(listWorkQueue(null, parseQueueParams({}))).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it("refuses the system actor (the queue is a staff screen)", async () => {
    await expect(listWorkQueue(systemActor("test"), parseQueueParams({}))).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("listWorkQueue filters", () => {
  it("shows a specialist only their own merchants when no specialist filter is given", async () => {
    const { rows, total } = await listWorkQueue(anna.actor, parseQueueParams({}));
    expect(companies(rows)).toEqual(expected((s) => s.specialist === "anna"));
    expect(total).toBe(rows.length);
  });

  it("lets a specialist widen the view to everyone", async () => {
    const { rows } = await listWorkQueue(anna.actor, parseQueueParams({ q: TAG, specialist: "any" }));
    expect(companies(rows)).toEqual(expected(() => true));
  });

  it("shows leads everyone's merchants in progress by default, without cancelled ones", async () => {
    const { rows, total } = await asLead({});
    expect(companies(rows)).toEqual(expected(() => true));
    expect(total).toBe(specs.length - 2); // Golf is cancelled, Foxtrot fully onboarded
    expect(companies(rows)).not.toContain(`Golf ${TAG}`);
  });

  it("includes cancelled merchants when asked", async () => {
    const { rows } = await asLead({ cancelled: "include" });
    expect(companies(rows)).toContain(`Golf ${TAG}`);
    expect(rows.find((r) => r.company === `Golf ${TAG}`)?.cancelled).toBe(true);
  });

  it("filters by a named specialist, by unassigned, and by 'mine' for a lead", async () => {
    expect(companies((await asLead({ specialist: bert.user.id })).rows)).toEqual(
      expected((s) => s.specialist === "bert"),
    );
    expect(companies((await asLead({ specialist: "unassigned" })).rows)).toEqual(
      expected((s) => s.specialist === null),
    );
    expect((await asLead({ specialist: "mine" })).rows).toEqual([]);
  });

  it("filters by one or several current steps, including done", async () => {
    const { rows } = await asLead({ stage: "key_received,secret_received" });
    expect(companies(rows)).toEqual(expected((s) => s.stage === "key_received" || s.stage === "secret_received"));
    expect(companies((await asLead({ stage: "done" })).rows)).toEqual([`Foxtrot ${TAG}`]);
    expect(companies((await asLead({ stage: "done,live" })).rows)).toEqual([`Foxtrot ${TAG}`, `Kilo ${TAG}`]);
  });

  it("filters by ball in court, counting a required merchant action as the merchant's", async () => {
    expect(companies((await asLead({ ball: "merchant" })).rows)).toEqual(expected((s) => s.ball === "merchant"));
    expect(companies((await asLead({ ball: "agency" })).rows)).toEqual(expected((s) => s.ball === "agency"));
    const echo = (await asLead({ ball: "merchant" })).rows.find((r) => r.company === `Echo ${TAG}`);
    expect(echo).toMatchObject({ currentStage: "key_verified", merchantActionRequired: "Tick the Orders permission" });
  });

  it("filters by on hold and by cluster", async () => {
    expect(companies((await asLead({ hold: "yes" })).rows)).toEqual(expected((s) => !!s.onHold));
    expect(companies((await asLead({ hold: "no" })).rows)).toEqual(expected((s) => !s.onHold));
    expect(companies((await asLead({ cluster: "us1" })).rows)).toEqual(expected((s) => s.cluster === "us1"));
    expect(companies((await asLead({ hold: "yes", cluster: "us1" })).rows)).toEqual([`Charlie ${TAG}`]);
  });

  it.each([
    ["company", TOKENS.company.toUpperCase(), `Juliet ${TOKENS.company} ${TAG}`],
    ["shop domain", TOKENS.domain, `Kilo ${TAG}`],
    ["contact email", TOKENS.email, `Lima ${TAG}`],
  ])("searches the %s, case-insensitively", async (_field, q, company) => {
    const { rows, total } = await listWorkQueue(lead.actor, parseQueueParams({ q }));
    expect(companies(rows)).toEqual([company]);
    expect(total).toBe(1);
  });

  it("treats % and _ in a search as literal characters", async () => {
    expect((await listWorkQueue(lead.actor, parseQueueParams({ q: `${TAG}%` }))).total).toBe(0);
    expect((await listWorkQueue(lead.actor, parseQueueParams({ q: `q_${hex.slice(1)}` }))).total).toBe(0);
  });

  it("returns what a row needs: shop, specialist name, waiting since, markers", async () => {
    const { rows } = await asLead({ stage: "secret_received" });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      company: `Charlie ${TAG}`,
      specialistName: `Bert ${hex}`,
      cluster: "us1",
      onHold: true,
      holdReason: "Merchant on holiday",
      ballInCourt: "merchant",
      merchantActionRequired: null,
      cancelled: false,
    });
    expect(rows[0]!.shopDomain).toMatch(/\.nl$/);
    expect(rows[0]!.waitingSince).toBeInstanceOf(Date);
    expect(Date.now() - rows[0]!.waitingSince.getTime()).toBeGreaterThan(9.9 * 24 * 3_600_000);
  });
});

describe("listWorkQueue sorting", () => {
  const stepRank = (s: string | null) => (s === null ? Infinity : STEPS.indexOf(s as never));
  const keys: Record<(typeof QUEUE_SORT_COLUMNS)[number], (r: QueueRow) => string | number | null> = {
    company: (r) => r.company,
    shop: (r) => r.shopName,
    currentStage: (r) => (r.currentStage === null ? null : stepRank(r.currentStage)),
    ballInCourt: (r) => (r.ballInCourt === null ? null : ["merchant", "agency"].indexOf(r.ballInCourt)),
    // The stored Waiting anchor: the step entry for these event-less rows, none while on hold.
    waitingSince: (r) => (r.onHold || r.cancelled || !r.currentStage ? null : r.waitingSince.getTime()),
    specialist: (r) => r.specialistName,
    lastActivity: (r) => r.lastActivityAt.getTime(),
    timeToBreach: (r) => r.slaDueAt?.getTime() ?? null,
  };

  it.each(
    QUEUE_SORT_COLUMNS.flatMap(
      (sort) =>
        [
          [sort, "asc"],
          [sort, "desc"],
        ] as const,
    ),
  )("sorts by %s %s", async (sort, dir) => {
    const { rows } = await asLead({ sort, dir });
    const values = rows.map(keys[sort]);
    // PostgreSQL puts nulls last ascending and first descending; no time to breach is last either way.
    const nonNull = values.filter((v) => v !== null);
    const nulls = values.length - nonNull.length;
    const nullsLast = dir === "asc" || sort === "timeToBreach" || sort === "waitingSince";
    expect(nullsLast ? values.slice(values.length - nulls) : values.slice(0, nulls)).toEqual(Array(nulls).fill(null));
    const sorted = [...nonNull].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(nonNull).toEqual(dir === "asc" ? sorted : sorted.reverse());
  });

  it("puts the longest-waiting merchant first by default, merchants on hold (no clock running) last", async () => {
    const { rows } = await asLead({});
    expect(rows[0]?.company).toBe(`Lima ${TAG}`);
    // Both merchants on hold (Bravo, Charlie) come last; between them the id decides.
    expect(companies(rows.slice(-2))).toEqual([`Bravo ${TAG}`, `Charlie ${TAG}`]);
  });

  it("leaves fully onboarded merchants out unless the step filter asks for them", async () => {
    expect(companies((await asLead({})).rows)).not.toContain(`Foxtrot ${TAG}`);
    expect(companies((await asLead({ stage: "done" })).rows)).toEqual([`Foxtrot ${TAG}`]);
  });

  it("ignores a sort column outside the allow-list", async () => {
    const fallback = await asLead({ sort: "password_hash", dir: "desc" });
    const waitingDesc = await asLead({ sort: "waitingSince", dir: "desc" });
    expect(fallback.rows.map((r) => r.id)).toEqual(waitingDesc.rows.map((r) => r.id));
  });
});

describe("listWorkQueue paging", () => {
  const PAGE_TAG = `zz${hex}`;
  beforeAll(async () => {
    await insertQueueMerchants(
      Array.from({ length: 30 }, (_, i) => ({
        company: `Page ${String(i).padStart(2, "0")} ${PAGE_TAG}`,
        stage: "user_created",
        ball: "merchant",
        waitingDays: i,
        activityHoursAgo: i,
      })),
    );
  });

  it("pages through the total without overlap", async () => {
    const first = await listWorkQueue(lead.actor, parseQueueParams({ q: PAGE_TAG }));
    const second = await listWorkQueue(lead.actor, parseQueueParams({ q: PAGE_TAG, page: "2" }));
    expect(first).toMatchObject({ total: 30, pageCount: 2 });
    expect(first.rows).toHaveLength(25);
    expect(second.rows).toHaveLength(5);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(30);
    expect(second.rows.at(-1)?.company).toBe(`Page 00 ${PAGE_TAG}`);
  });

  it("answers a page past the end with no rows but the real total", async () => {
    const { rows, total, pageCount } = await listWorkQueue(lead.actor, parseQueueParams({ q: PAGE_TAG, page: "3" }));
    expect({ rows, total, pageCount }).toEqual({ rows: [], total: 30, pageCount: 2 });
  });

  it("caps the page size to the allow-list", async () => {
    const { rows, pageCount } = await listWorkQueue(lead.actor, parseQueueParams({ q: PAGE_TAG, perPage: "1000" }));
    expect(rows).toHaveLength(25);
    expect(pageCount).toBe(2);
    expect((await listWorkQueue(lead.actor, parseQueueParams({ q: PAGE_TAG, perPage: "50" }))).rows).toHaveLength(30);
  });
});

describe("listWorkQueue failures", () => {
  it("throws on a broken query instead of showing an empty queue", async () => {
    // Bypasses the parser on purpose: a value PostgreSQL rejects must surface as an error.
    const params = { ...parseQueueParams({}), specialist: "not-a-uuid" };
    await expect(listWorkQueue(lead.actor, params)).rejects.toThrow();
  });
});
