import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { merchantEvents } from "@/db/schema";
import { UnauthenticatedError, ValidationError } from "@/lib/errors";
import { addNote, assignMerchants, completeStep } from "@/lib/onboarding";
import { listTimeline, type TimelineEvent } from "@/lib/onboarding/workspace";
import { createMerchant } from "@/tests/factories/merchant";
import { createStaff } from "@/tests/factories/staff";

async function readAll(actor: Parameters<typeof listTimeline>[0], merchantId: string, limit: number) {
  const pages: TimelineEvent[][] = [];
  let before: string | null = null;
  do {
    const page = await listTimeline(actor, merchantId, { limit, before });
    pages.push(page.events);
    before = page.nextCursor;
  } while (before && pages.length < 50);
  return pages;
}

describe("listTimeline", () => {
  it("lists events and notes newest first with the actor's name", async () => {
    const eva = await createStaff({ role: "specialist", name: "Eva Becker" });
    const lead = await createStaff({ role: "lead", name: "Sanne Visser" });
    const merchant = await createMerchant();
    await assignMerchants(lead.actor, { merchantIds: [merchant.id], specialistId: eva.user.id });
    await completeStep(eva.actor, {
      merchantId: merchant.id,
      stage: "user_created",
      note: "Merchant confirmed by phone",
    });
    await addNote(eva.actor, { merchantId: merchant.id, note: "Key follows after the weekend." });

    const { events, nextCursor } = await listTimeline(eva.actor, merchant.id);

    expect(events.map((e) => e.type)).toEqual(["note", "stage_completed", "assigned", "signed_up"]);
    expect(events[0]).toMatchObject({ note: "Key follows after the weekend.", actor: { name: "Eva Becker" } });
    expect(events[1]).toMatchObject({
      stage: "user_created",
      note: "Merchant confirmed by phone",
      actor: { name: "Eva Becker" },
    });
    expect(events[2]).toMatchObject({ actor: { name: "Sanne Visser" }, assignedTo: "Eva Becker" });
    expect(events[3]).toMatchObject({ actor: null, stage: "signed_up" });
    expect(nextCursor).toBeNull();
  });

  it("pages through the whole history without gaps or repeats, also across identical timestamps", async () => {
    const lead = await createStaff({ role: "lead" });
    const merchant = await createMerchant();
    // 12 events sharing one microsecond-precise timestamp (as one transaction's now() writes them), plus spread ones.
    const at = new Date(Date.now() - 86_400_000);
    await db.insert(merchantEvents).values(
      Array.from({ length: 12 }, (_, i) => ({
        merchantId: merchant.id,
        type: "note" as const,
        note: `same-time ${i}`,
        createdAt: sql`now() - interval '1 day'`,
      })),
    );
    await db.insert(merchantEvents).values(
      Array.from({ length: 10 }, (_, i) => ({
        merchantId: merchant.id,
        type: "note" as const,
        note: `spread ${i}`,
        createdAt: new Date(at.getTime() - (i + 1) * 3_600_000),
      })),
    );

    const pages = await readAll(lead.actor, merchant.id, 5);
    const all = pages.flat();
    expect(all).toHaveLength(23); // + the sign-up event
    expect(new Set(all.map((e) => e.id)).size).toBe(23);
    expect(pages.slice(0, -1).every((p) => p.length === 5)).toBe(true);
    const times = all.map((e) => e.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(all.at(-1)?.note).toBe("spread 9");
  });

  it("refuses a forged cursor and anonymous callers", async () => {
    const lead = await createStaff({ role: "lead" });
    const merchant = await createMerchant();
    await expect(listTimeline(lead.actor, merchant.id, { before: "yesterday" })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(listTimeline(null as never, merchant.id)).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it("caps the page size", async () => {
    const lead = await createStaff({ role: "lead" });
    const merchant = await createMerchant();
    await db
      .insert(merchantEvents)
      .values(
        Array.from({ length: 120 }, (_, i) => ({ merchantId: merchant.id, type: "note" as const, note: `n${i}` })),
      );
    const page = await listTimeline(lead.actor, merchant.id, { limit: 10_000 });
    expect(page.events).toHaveLength(100);
    expect(page.nextCursor).not.toBeNull();
  });
});
