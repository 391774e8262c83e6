import { describe, expect, it } from "vitest";
import { loadActor } from "@/lib/auth/load-actor";
import { changeStaffRole } from "@/lib/staff/change-staff-role";
import { deactivateStaff } from "@/lib/staff/deactivate-staff";
import { reactivateStaff } from "@/lib/staff/reactivate-staff";
import { createStaff } from "@/tests/factories/staff";
import { actorForCookie, signInCookie } from "./session-cookie";

describe("loadActor (what every request sees behind its session)", () => {
  it("ends the session on a role change; the next sign-in has the new role", async () => {
    const admin = await createStaff({ role: "admin" });
    const { user } = await createStaff({ role: "specialist" });
    const before = await signInCookie(user);
    expect(await actorForCookie(before)).toMatchObject({ role: "specialist" });
    await changeStaffRole(admin.actor, { staffId: user.id, role: "lead" });
    expect(await actorForCookie(before)).toBeNull();
    expect(await actorForCookie(await signInCookie(user))).toMatchObject({ kind: "staff", id: user.id, role: "lead" });
  });

  it("treats a deactivated account as signed out; reactivation does not revive old cookies", async () => {
    const admin = await createStaff({ role: "admin" });
    const { user } = await createStaff();
    const before = await signInCookie(user);
    await deactivateStaff(admin.actor, user.id);
    expect(await actorForCookie(before)).toBeNull();
    await reactivateStaff(admin.actor, user.id);
    expect(await actorForCookie(before)).toBeNull();
    expect(await actorForCookie(await signInCookie(user))).toMatchObject({ id: user.id });
  });

  it("returns null for missing, malformed or unknown claims, and for a token without a session version", async () => {
    const { user } = await createStaff();
    expect(await loadActor(undefined)).toBeNull();
    expect(await loadActor({ sub: "not-a-uuid", sessionVersion: 1 })).toBeNull();
    expect(await loadActor({ sub: "00000000-0000-4000-8000-000000000000", sessionVersion: 1 })).toBeNull();
    expect(await loadActor({ sub: user.id })).toBeNull();
    expect(await loadActor({ sub: user.id, sessionVersion: "1" })).toBeNull();
    expect(await loadActor({ sub: user.id, sessionVersion: user.sessionVersion })).toMatchObject({ id: user.id });
  });
});
