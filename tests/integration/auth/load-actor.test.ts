import { describe, expect, it } from "vitest";
import { loadActor } from "@/lib/auth/load-actor";
import { changeStaffRole } from "@/lib/staff/change-staff-role";
import { deactivateStaff } from "@/lib/staff/deactivate-staff";
import { reactivateStaff } from "@/lib/staff/reactivate-staff";
import { createStaff } from "@/tests/factories/staff";

describe("loadActor (what every request sees behind its session)", () => {
  it("sees a role change on the next request", async () => {
    const admin = await createStaff({ role: "admin" });
    const { user } = await createStaff({ role: "specialist" });
    expect(await loadActor(user.id)).toMatchObject({ role: "specialist" });
    await changeStaffRole(admin.actor, { staffId: user.id, role: "lead" });
    expect(await loadActor(user.id)).toMatchObject({ kind: "staff", id: user.id, role: "lead" });
  });

  it("treats a deactivated account as signed out, and a reactivated one as back", async () => {
    const admin = await createStaff({ role: "admin" });
    const { user } = await createStaff();
    await deactivateStaff(admin.actor, user.id);
    expect(await loadActor(user.id)).toBeNull();
    await reactivateStaff(admin.actor, user.id);
    expect(await loadActor(user.id)).toMatchObject({ id: user.id });
  });

  it("returns null for a missing, malformed or unknown id", async () => {
    expect(await loadActor(undefined)).toBeNull();
    expect(await loadActor("not-a-uuid")).toBeNull();
    expect(await loadActor("00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});
