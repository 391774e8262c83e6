import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, staffUsers } from "@/db/schema";
import { RuleViolationError } from "@/lib/errors";
import { changeStaffRole } from "@/lib/staff/change-staff-role";
import { deactivateStaff } from "@/lib/staff/deactivate-staff";
import { listAssignableStaff } from "@/lib/staff/list-assignable-staff";
import { listStaff } from "@/lib/staff/list-staff";
import { reactivateStaff } from "@/lib/staff/reactivate-staff";
import { createStaff } from "@/tests/factories/staff";

/** Each worker database is shared by the tests of a file; start each test with only its own admins active. */
async function onlyTheseAdmins(...ids: string[]) {
  const others = await db.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.role, "admin"));
  const stale = others.map((o) => o.id).filter((id) => !ids.includes(id));
  if (stale.length) await db.update(staffUsers).set({ active: false }).where(inArray(staffUsers.id, stale));
}

describe("changing roles", () => {
  it("changes the role and writes who changed what to the audit log", async () => {
    const admin = await createStaff({ role: "admin" });
    const { user } = await createStaff({ role: "specialist" });
    await changeStaffRole(admin.actor, { staffId: user.id, role: "lead" });
    const [row] = await db.select().from(staffUsers).where(eq(staffUsers.id, user.id));
    expect(row?.role).toBe("lead");
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, user.id), eq(auditLog.action, "staff.role_changed")));
    expect(audit).toEqual([
      expect.objectContaining({ actorId: admin.user.id, details: { from: "specialist", to: "lead" } }),
    ]);
  });

  it("refuses to demote the last active admin, even oneself", async () => {
    const admin = await createStaff({ role: "admin" });
    await onlyTheseAdmins(admin.user.id);
    await expect(changeStaffRole(admin.actor, { staffId: admin.user.id, role: "lead" })).rejects.toThrow(
      RuleViolationError,
    );
    const [row] = await db.select().from(staffUsers).where(eq(staffUsers.id, admin.user.id));
    expect(row?.role).toBe("admin");
  });

  it("lets an admin step down while another admin remains", async () => {
    const admin = await createStaff({ role: "admin" });
    const other = await createStaff({ role: "admin" });
    await onlyTheseAdmins(admin.user.id, other.user.id);
    await expect(changeStaffRole(admin.actor, { staffId: admin.user.id, role: "lead" })).resolves.toMatchObject({
      role: "lead",
    });
  });

  it("two admins demoting each other at once leave one admin standing", async () => {
    const a = await createStaff({ role: "admin" });
    const b = await createStaff({ role: "admin" });
    await onlyTheseAdmins(a.user.id, b.user.id);
    const results = await Promise.allSettled([
      changeStaffRole(a.actor, { staffId: b.user.id, role: "specialist" }),
      changeStaffRole(b.actor, { staffId: a.user.id, role: "specialist" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const admins = await db
      .select()
      .from(staffUsers)
      .where(and(eq(staffUsers.role, "admin"), eq(staffUsers.active, true)));
    expect(admins).toHaveLength(1);
  });

  it("rejects an unknown role", async () => {
    const admin = await createStaff({ role: "admin" });
    const { user } = await createStaff();
    // @ts-expect-error the form could post anything
    await expect(changeStaffRole(admin.actor, { staffId: user.id, role: "owner" })).rejects.toThrow("Choose a role.");
  });
});

describe("deactivating and reactivating", () => {
  it("deactivates, keeps the row, audits, and reactivates with the old role", async () => {
    const admin = await createStaff({ role: "admin" });
    const { user } = await createStaff({ role: "lead" });
    await deactivateStaff(admin.actor, user.id);
    expect((await listStaff(admin.actor)).find((s) => s.id === user.id)?.status).toBe("deactivated");
    await reactivateStaff(admin.actor, user.id);
    expect((await listStaff(admin.actor)).find((s) => s.id === user.id)).toMatchObject({
      status: "active",
      role: "lead",
    });
    const actions = await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, user.id));
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(["staff.deactivated", "staff.reactivated"]));
  });

  it("refuses to deactivate the last active admin", async () => {
    const admin = await createStaff({ role: "admin" });
    await onlyTheseAdmins(admin.user.id);
    await expect(deactivateStaff(admin.actor, admin.user.id)).rejects.toThrow("last active admin");
  });

  it("reports an unknown staff member as not found", async () => {
    const admin = await createStaff({ role: "admin" });
    await expect(deactivateStaff(admin.actor, "00000000-0000-4000-8000-000000000000")).rejects.toThrow(
      "Staff member was not found.",
    );
  });
});

describe("listAssignableStaff", () => {
  it("offers active specialists and leads, not admins or deactivated people", async () => {
    const admin = await createStaff({ role: "admin" });
    const specialist = await createStaff({ role: "specialist" });
    const lead = await createStaff({ role: "lead" });
    const gone = await createStaff({ role: "specialist" });
    await deactivateStaff(admin.actor, gone.user.id);
    const ids = (await listAssignableStaff(specialist.actor)).map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining([specialist.user.id, lead.user.id]));
    expect(ids).not.toContain(admin.user.id);
    expect(ids).not.toContain(gone.user.id);
  });
});
