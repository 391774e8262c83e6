import { describe, expect, it } from "vitest";
import { renderDigest } from "./email/render-digest";
import { leadDigest } from "./lead-digest";
import { specialistDigest, type DigestMerchant } from "./specialist-digest";
import type { DigestTask } from "./task-lines";

// Monday 30 Nov 2026, 08:05 in Amsterdam; the working day ends at 17:30 CET.
const NOW = new Date("2026-11-30T07:05:00Z");
const CLOSES = new Date("2026-11-30T16:30:00Z");
const hours = (h: number) => new Date(NOW.getTime() + h * 3_600_000);
const APP = "https://console.example";

let n = 0;
const merchant = (shopName: string, over: Partial<DigestMerchant> = {}): DigestMerchant => ({
  merchantId: `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}`,
  shopName,
  step: "key_verified",
  owner: "agency",
  onHold: false,
  slaDueAt: null,
  slaWarnAt: null,
  expectedAt: null,
  stepSince: hours(-48),
  ...over,
});

const MERCHANTS = [
  merchant("On Track Wines", { slaDueAt: hours(30), slaWarnAt: hours(20) }),
  merchant("Held Cellar", { onHold: true }),
  merchant("Waiting Vines", { owner: "merchant", step: "key_received", expectedAt: hours(10) }),
  merchant("Due Soon Drinks", { step: "password_reset", slaDueAt: hours(3), slaWarnAt: hours(-1) }),
  merchant("Breached Bottles", { slaDueAt: hours(-5), slaWarnAt: hours(-8) }),
  merchant("Stalled Shop", { owner: "merchant", step: "user_created", expectedAt: hours(-20) }),
  merchant("Long Breached", { step: "live", slaDueAt: hours(-30), slaWarnAt: hours(-40) }),
];

const base = {
  name: "Tom Jansen",
  zone: "Europe/Amsterdam",
  now: NOW,
  closesAt: CLOSES,
  since: hours(-24),
  appUrl: APP,
  tasks: [],
};
const order = (text: string, names: string[]) => names.map((name) => text.indexOf(name));

describe("the specialist's morning digest", () => {
  it("lists merchants breached first, then due soon, on track, the merchant's moves (stalled first), holds", async () => {
    const view = specialistDigest({ ...base, merchants: MERCHANTS, reminders: [] });
    expect(view.sections[0]!.lines.map((l) => l.label)).toEqual([
      "Long Breached",
      "Breached Bottles",
      "Due Soon Drinks",
      "On Track Wines",
      "Stalled Shop",
      "Waiting Vines",
      "Held Cellar",
    ]);
    const mail = await renderDigest(view);
    const end = mail.text.search(/what you owe today/i);
    expect(end).toBeGreaterThan(0);
    const section = mail.text.slice(0, end);
    const positions = order(section, ["Long Breached", "Breached Bottles", "Due Soon Drinks", "On Track Wines"]);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(positions.every((p) => p > 0)).toBe(true);
  });

  it("shows step, owner and due time in the specialist's zone, with a link to the workspace", async () => {
    const view = specialistDigest({ ...base, merchants: MERCHANTS, reminders: [] });
    const breached = view.sections[0]!.lines[1]!;
    expect(breached.detail).toBe("Key verified · Actenzo · SLA breached 5 h ago · due 30 Nov 2026, 03:05 CET");
    expect(breached.href).toBe(`${APP}/merchants/${MERCHANTS[4]!.merchantId}`);
    const ny = specialistDigest({ ...base, zone: "America/New_York", merchants: [MERCHANTS[4]!], reminders: [] });
    expect(ny.sections[0]!.lines[0]!.detail).toContain("due 29 Nov 2026, 21:05 EST");
    const mail = await renderDigest(view);
    for (const body of [mail.text, mail.html]) expect(body).toContain(breached.href);
  });

  it("owes today the Actenzo steps due before the end of the working day, overdue ones included", () => {
    const view = specialistDigest({ ...base, merchants: MERCHANTS, reminders: [] });
    expect(view.sections[1]!.lines.map((l) => l.label)).toEqual([
      "Long Breached",
      "Breached Bottles",
      "Due Soon Drinks",
    ]);
    expect(view.subject).toBe("Your merchants for 30 Nov 2026: 2 breached, 3 due from you today");
  });

  it("lists the reminders sent since the last digest, oldest first", async () => {
    const reminders = [
      {
        merchantId: MERCHANTS[5]!.merchantId,
        shopName: "Stalled Shop",
        step: "user_created" as const,
        kind: "reminder" as const,
        number: 2,
        sentAt: hours(-2),
      },
      {
        merchantId: MERCHANTS[2]!.merchantId,
        shopName: "Waiting Vines",
        step: "key_received" as const,
        kind: "ask" as const,
        number: null,
        sentAt: hours(-20),
      },
    ];
    const view = specialistDigest({ ...base, merchants: MERCHANTS, reminders });
    expect(view.sections[3]!.lines.map((l) => l.detail)).toEqual([
      "Asked to act · API key received · sent 29 Nov 2026, 12:05 CET",
      "Reminder 2 · Back-office user created · sent 30 Nov 2026, 06:05 CET",
    ]);
  });

  it("says so when a section is empty, in HTML and text", async () => {
    const mail = await renderDigest(
      specialistDigest({
        ...base,
        merchants: [merchant("Waiting Vines", { owner: "merchant", step: "key_received" })],
        reminders: [],
      }),
    );
    for (const body of [mail.text, mail.html]) {
      expect(body).toContain("Nothing of yours is due today.");
      expect(body).toContain("No reminders went out since your last digest.");
      expect(body).toMatch(/calls to make/i);
      expect(body).toContain("No merchant is waiting for your call.");
      expect(body).toContain(`${APP}/queue`);
      expect(body).toContain("turn this digest off on your profile page");
    }
  });

  it("lists the calls to make: open escalation tasks oldest first, since when in their zone, linked", async () => {
    const tasks: DigestTask[] = [
      { merchantId: MERCHANTS[5]!.merchantId, shopName: "Stalled Shop", stage: "user_created", createdAt: hours(-3) },
      { merchantId: MERCHANTS[2]!.merchantId, shopName: "Waiting Vines", stage: "key_received", createdAt: hours(-26) },
      // Created after the snapshot: the next digest's.
      { merchantId: MERCHANTS[0]!.merchantId, shopName: "On Track Wines", stage: "key_verified", createdAt: hours(1) },
    ];
    const view = specialistDigest({ ...base, merchants: MERCHANTS, reminders: [], tasks });
    const calls = view.sections.find((s) => s.heading === "Calls to make")!;
    expect(calls.summary).toBe("2 merchants the reminders did not move: call them");
    expect(calls.lines).toEqual([
      {
        label: "Waiting Vines",
        href: `${APP}/merchants/${MERCHANTS[2]!.merchantId}`,
        detail: "API key received · reminders ran out · open since 29 Nov 2026, 06:05 CET (yesterday)",
      },
      {
        label: "Stalled Shop",
        href: `${APP}/merchants/${MERCHANTS[5]!.merchantId}`,
        detail: "Back-office user created · reminders ran out · open since 30 Nov 2026, 05:05 CET (3 h ago)",
      },
    ]);
    const ny = specialistDigest({ ...base, zone: "America/New_York", merchants: MERCHANTS, reminders: [], tasks });
    expect(ny.sections.find((s) => s.heading === "Calls to make")!.lines[0]!.detail).toContain(
      "29 Nov 2026, 00:05 EST",
    );
    const mail = await renderDigest(view);
    for (const body of [mail.text, mail.html]) {
      expect(body).toMatch(/calls to make/i);
      expect(body).toContain(`${APP}/merchants/${MERCHANTS[2]!.merchantId}`);
      expect(body).not.toContain("No merchant is waiting for your call.");
    }
  });

  it("cuts a long list and says how many more the console has", () => {
    const many = Array.from({ length: 53 }, (_, i) => merchant(`Shop ${i}`, { slaDueAt: hours(i + 1) }));
    const view = specialistDigest({ ...base, merchants: many, reminders: [] });
    expect(view.sections[0]!.lines).toHaveLength(50);
    expect(view.sections[0]!.more).toBe("…and 3 more in your queue.");
  });
});

describe("the lead's weekly digest", () => {
  it("counts and lists stalled merchants (longest first) and the week's breaches (newest first)", async () => {
    const view = leadDigest({
      name: "Lisa de Wit",
      zone: "Europe/Amsterdam",
      now: NOW,
      appUrl: APP,
      stalled: [
        {
          merchantId: "m1",
          shopName: "Recently Stalled",
          step: "key_received",
          specialist: "Tom Jansen",
          expectedAt: hours(-3),
        },
        { merchantId: "m2", shopName: "Long Stalled", step: "user_created", specialist: null, expectedAt: hours(-90) },
      ],
      breaches: [
        {
          merchantId: "m3",
          shopName: "Old Breach",
          step: "password_reset",
          specialist: "Eva Becker",
          dueAt: hours(-100),
          completedAt: hours(-90),
          cause: "agency",
        },
        {
          merchantId: "m4",
          shopName: "New Breach",
          step: "key_verified",
          specialist: "Tom Jansen",
          dueAt: hours(-10),
          completedAt: null,
          cause: null,
        },
      ],
      tasks: [
        { merchantId: "m2", shopName: "Long Stalled", stage: "user_created", createdAt: hours(-20) },
        { merchantId: "m5", shopName: "Escalated Earlier", stage: "key_received", createdAt: hours(-50) },
      ],
    });
    expect(view.subject).toBe("Weekly onboarding digest: 2 stalled merchants, 2 SLA breaches");
    expect(view.sections.map((s) => s.lines.map((l) => l.label))).toEqual([
      ["Long Stalled", "Recently Stalled"],
      ["New Breach", "Old Breach"],
      ["Escalated Earlier", "Long Stalled"],
    ]);
    expect(view.sections[2]!.heading).toBe("Calls for a lead to make");
    expect(view.sections[2]!.summary).toBe(
      "2 open lead tasks: reminders ran out and the specialist's call did not settle it",
    );
    expect(view.sections[2]!.lines[0]!.detail).toBe(
      "API key received · reminders ran out · open since 28 Nov 2026, 06:05 CET (2 d ago)",
    );
    expect(view.sections[1]!.summary).toBe("2 breaches, 1 still open");
    expect(view.sections[0]!.lines[0]!.detail).toContain("unassigned");
    const mail = await renderDigest(view);
    expect(mail.text).toContain(`${APP}/merchants/m2`);
    expect(mail.text).toContain(`${APP}/reports`);
    expect(mail.text).toContain(`${APP}/merchants/m5`);
  });

  it("says so when nothing is stalled, breached or escalated to the leads", async () => {
    const mail = await renderDigest(
      leadDigest({ name: "Lisa", zone: "UTC", now: NOW, appUrl: APP, stalled: [], breaches: [], tasks: [] }),
    );
    expect(mail.text).toContain("No lead task is open.");
    expect(mail.text).toContain("No merchant is stalled.");
    expect(mail.text).toContain("No SLA was breached in the last 7 days.");
  });
});
