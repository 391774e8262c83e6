import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, staffUsers } from "@/db/schema";
import { loadActor } from "@/lib/auth/load-actor";
import { ValidationError } from "@/lib/errors";
import { actorTimeZone } from "@/lib/staff/time-zone";
import { updateOwnTimeZone } from "@/lib/staff/update-own-time-zone";
import { createStaff } from "@/tests/factories/staff";

describe("a staff member's time zone", () => {
  it("defaults to the agency's zone until they choose one", async () => {
    const { user } = await createStaff();
    expect(user.timeZone).toBeNull();
    const actor = await loadActor({ sub: user.id, sessionVersion: user.sessionVersion });
    expect(actor?.timeZone).toBe("Europe/Amsterdam");
    expect(actorTimeZone(actor)).toBe("Europe/Amsterdam");
  });

  it("is saved from the profile, audited, and applies on the next request", async () => {
    const { user, actor } = await createStaff({ role: "lead" });
    await updateOwnTimeZone(actor, { timeZone: "America/New_York" });

    expect((await loadActor({ sub: user.id, sessionVersion: user.sessionVersion }))?.timeZone).toBe("America/New_York");
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, user.id), eq(auditLog.action, "staff.time_zone_changed")));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: user.id, details: { from: null, to: "America/New_York" } });

    // Saving the same zone again changes nothing and writes no second audit row.
    await updateOwnTimeZone(actor, { timeZone: "America/New_York" });
    expect(
      await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, user.id), eq(auditLog.action, "staff.time_zone_changed"))),
    ).toHaveLength(1);
  });

  it("refuses a zone that does not exist, naming the field", async () => {
    const { user, actor } = await createStaff();
    const attempt = updateOwnTimeZone(actor, { timeZone: "Europe/Atlantis" });
    await expect(attempt).rejects.toThrow(ValidationError);
    await expect(attempt).rejects.toMatchObject({
      fieldErrors: { timeZone: [expect.stringContaining("Choose a time zone")] },
    });
    const [row] = await db.select({ timeZone: staffUsers.timeZone }).from(staffUsers).where(eq(staffUsers.id, user.id));
    expect(row?.timeZone).toBeNull();
  });
});
