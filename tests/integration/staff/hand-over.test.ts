import { and, eq, inArray, notInArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, merchantEvents, merchants, staffUsers } from "@/db/schema";
import { RuleViolationError } from "@/lib/errors";
import { STEPS } from "@/lib/pipeline/steps";
import { deactivateStaff } from "@/lib/staff/deactivate-staff";
import { createMerchant } from "@/tests/factories/merchant";
import { createStaff } from "@/tests/factories/staff";

async function assigneesOf(ids: string[]) {
  const rows = await db
    .select({ id: merchants.id, specialistId: merchants.specialistId })
    .from(merchants)
    .where(inArray(merchants.id, ids));
  return new Map(rows.map((r) => [r.id, r.specialistId]));
}

/** A departing specialist with two open merchants, one live and one cancelled. */
async function departing() {
  const admin = await createStaff({ role: "admin" });
  const eva = await createStaff({ role: "specialist", name: "Eva Jansen" });
  const open = [
    await createMerchant({}, { specialistId: eva.user.id }),
    await createMerchant({}, { specialistId: eva.user.id, completed: ["user_created"] }),
  ];
  const live = await createMerchant({}, { specialistId: eva.user.id, completed: STEPS });
  const cancelled = await createMerchant({}, { specialistId: eva.user.id });
  await db.update(merchants).set({ cancelledAt: new Date() }).where(eq(merchants.id, cancelled.id));
  return { admin, eva, open, live, cancelled };
}

describe("hand-over on deactivation", () => {
  it("moves every open merchant to the named person, with one audit row and a timeline entry each", async () => {
    const { admin, eva, open, live, cancelled } = await departing();
    const lucas = await createStaff({ role: "specialist" });
    await deactivateStaff(admin.actor, eva.user.id, { mode: "person", toStaffId: lucas.user.id });

    const after = await assigneesOf([...open.map((m) => m.id), live.id, cancelled.id]);
    for (const m of open) expect(after.get(m.id)).toBe(lucas.user.id);
    // Finished and cancelled merchants keep their history with Eva.
    expect(after.get(live.id)).toBe(eva.user.id);
    expect(after.get(cancelled.id)).toBe(eva.user.id);

    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, eva.user.id));
    expect(audit.filter((a) => a.action === "staff.deactivated")).toEqual([
      expect.objectContaining({
        actorId: admin.user.id,
        details: { handOver: { merchants: 2, to: [{ staffId: lucas.user.id, merchants: 2 }] } },
      }),
    ]);
    const events = await db
      .select()
      .from(merchantEvents)
      .where(
        and(
          inArray(
            merchantEvents.merchantId,
            open.map((m) => m.id),
          ),
          eq(merchantEvents.type, "assigned"),
          eq(merchantEvents.actorId, admin.user.id),
        ),
      );
    expect(events.map((e) => e.evidence)).toEqual([
      { from: eva.user.id, to: lucas.user.id, handOver: true },
      { from: eva.user.id, to: lucas.user.id, handOver: true },
    ]);
  });

  it("refuses an inactive receiver and changes nothing: Eva stays active with her merchants", async () => {
    const { admin, eva, open } = await departing();
    const gone = await createStaff({ role: "specialist" });
    await db.update(staffUsers).set({ active: false }).where(eq(staffUsers.id, gone.user.id));

    await expect(
      deactivateStaff(admin.actor, eva.user.id, { mode: "person", toStaffId: gone.user.id }),
    ).rejects.toThrow(RuleViolationError);
    await expect(deactivateStaff(admin.actor, eva.user.id)).rejects.toThrow(
      "Eva Jansen has 2 open merchants; choose who takes them over.",
    );

    const [row] = await db.select().from(staffUsers).where(eq(staffUsers.id, eva.user.id));
    expect(row?.active).toBe(true);
    const after = await assigneesOf(open.map((m) => m.id));
    for (const m of open) expect(after.get(m.id)).toBe(eva.user.id);
    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, eva.user.id));
    expect(audit.map((a) => a.action)).not.toContain("staff.deactivated");
  });

  it("spreads across active specialists, fewest open merchants first", async () => {
    const admin = await createStaff({ role: "admin" });
    const eva = await createStaff({ role: "specialist", name: "Eva" });
    const anna = await createStaff({ role: "specialist", name: "Anna" });
    const bram = await createStaff({ role: "specialist", name: "Bram" });
    const lead = await createStaff({ role: "lead" });
    // Only these specialists are active in this file's database for this test.
    const mine = [eva.user.id, anna.user.id, bram.user.id];
    await db
      .update(staffUsers)
      .set({ active: false })
      .where(and(eq(staffUsers.role, "specialist"), notInArray(staffUsers.id, mine)));
    await createMerchant({}, { specialistId: anna.user.id });
    await createMerchant({}, { specialistId: anna.user.id });
    const evas = [];
    for (let i = 0; i < 5; i++) evas.push(await createMerchant({}, { specialistId: eva.user.id }));

    await deactivateStaff(admin.actor, eva.user.id, { mode: "spread" });

    const after = [...(await assigneesOf(evas.map((m) => m.id))).values()];
    // Bram (0) takes two to reach Anna (2); then they alternate, Anna first by name.
    expect(after.filter((id) => id === bram.user.id)).toHaveLength(3);
    expect(after.filter((id) => id === anna.user.id)).toHaveLength(2);
    expect(after).not.toContain(lead.user.id);
  });
});
