import { afterAll, describe, expect, it } from "vitest";
import { and, asc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { auditLog, slaPolicies } from "@/db/schema";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { loadAgencyCalendar, loadSlaPolicies, policyInForce } from "@/lib/sla/sla-context";
import { getSlaSettings } from "@/lib/sla/get-sla-settings";
import { publishSlaPolicy } from "@/lib/sla/publish-sla-policy";
import { updateAgencyCalendar } from "@/lib/sla/update-agency-calendar";
import { describeAuditEntry } from "@/lib/audit/describe-audit-entry";
import { createStaff } from "@/tests/factories/staff";

const DEFAULT_CALENDAR = {
  timeZone: "Europe/Amsterdam",
  days: "mon,tue,wed,thu,fri",
  hours: "09:00-17:30",
  country: "NL",
  closed: "",
};
const DEFAULT_POLICY = {
  agencyTargetHours: { password_reset: 4, key_verified: 2, live: 8.5 },
  merchantExpectedHours: { user_created: 17, user_approved: 17, key_received: 17, secret_received: 17 },
  endToEndHours: 85,
};

afterAll(async () => {
  // Later files in this worker's database expect the defaults.
  const admin = await createStaff({ role: "admin" });
  await updateAgencyCalendar(admin.actor, DEFAULT_CALENDAR);
  await publishSlaPolicy(admin.actor, DEFAULT_POLICY);
});

describe("the agency calendar", () => {
  it("starts as the default: Amsterdam, Mon–Fri 09:00–17:30, Dutch holidays, no closures", async () => {
    expect(await loadAgencyCalendar()).toEqual({
      timeZone: "Europe/Amsterdam",
      days: ["mon", "tue", "wed", "thu", "fri"],
      hours: { start: 540, end: 1050 },
      country: "NL",
      closed: [],
    });
  });

  it("a lead adds closure days and changes the hours; the audit trail says what changed", async () => {
    const lead = await createStaff({ role: "lead" });
    await updateAgencyCalendar(lead.actor, {
      ...DEFAULT_CALENDAR,
      hours: "08:30-17:00",
      closed: "2026-12-24\n2026-12-31",
    });
    expect(await loadAgencyCalendar()).toMatchObject({
      hours: { start: 510, end: 1020 },
      closed: ["2026-12-24", "2026-12-31"],
    });
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "sla.calendar_changed"), eq(auditLog.actorId, lead.user.id)));
    expect(entry?.details?.summary).toBe("hours 09:00-17:30 → 08:30-17:00; closed 2026-12-24, 2026-12-31");
    expect(
      describeAuditEntry({
        action: entry!.action,
        actorName: lead.user.name,
        merchantName: null,
        staffName: null,
        details: entry!.details ?? {},
        nameOf: () => "",
      }),
    ).toBe(
      `${lead.user.name} changed the agency calendar: hours 09:00-17:30 → 08:30-17:00; closed 2026-12-24, 2026-12-31`,
    );
  });

  it("refuses a specialist and bad input", async () => {
    const specialist = await createStaff({ role: "specialist" });
    await expect(updateAgencyCalendar(specialist.actor, DEFAULT_CALENDAR)).rejects.toThrow(ForbiddenError);
    const admin = await createStaff({ role: "admin" });
    await expect(updateAgencyCalendar(admin.actor, { ...DEFAULT_CALENDAR, closed: "24-12-2026" })).rejects.toThrow(
      ValidationError,
    );
    await expect(updateAgencyCalendar(admin.actor, { ...DEFAULT_CALENDAR, hours: "17:00-09:00" })).rejects.toThrow(
      ValidationError,
    );
  });
});

describe("SLA policy versions", () => {
  it("version 1 is the issue's defaults", async () => {
    const [first] = await loadSlaPolicies();
    expect(first).toMatchObject({
      version: 1,
      agencyTargets: { password_reset: 4 * 3600, key_verified: 2 * 3600, live: 8.5 * 3600 },
      endToEndSeconds: 85 * 3600,
    });
  });

  it("an edit by a lead publishes a new version from now and never rewrites the old one", async () => {
    const lead = await createStaff({ role: "lead" });
    const before = await loadSlaPolicies();
    const published = await publishSlaPolicy(lead.actor, {
      ...DEFAULT_POLICY,
      agencyTargetHours: { ...DEFAULT_POLICY.agencyTargetHours, password_reset: "3" },
    });
    const after = await loadSlaPolicies();
    expect(after).toHaveLength(before.length + 1);
    expect(after.slice(0, -1)).toEqual(before);
    expect(after.at(-1)).toEqual(published);
    expect(published.agencyTargets.password_reset).toBe(3 * 3600);
    // A step that started before the edit is still judged by the version then in force.
    expect(policyInForce(after, new Date(published.effectiveFrom.getTime() - 1)).version).toBe(before.at(-1)!.version);
    expect(policyInForce(after, new Date()).version).toBe(published.version);
    const rows = await db.select().from(slaPolicies).orderBy(asc(slaPolicies.version));
    expect(rows.at(-1)?.createdBy).toBe(lead.user.id);
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(published.version)));
    expect(entry).toMatchObject({ action: "sla.policy_published", entityType: "sla_policy", actorId: lead.user.id });
    expect(entry?.details?.summary).toBe("Password reset target 4 h → 3 h");
  });

  it("the settings page's read is for leads and admins only", async () => {
    const specialist = await createStaff({ role: "specialist" });
    await expect(getSlaSettings(specialist.actor)).rejects.toThrow(ForbiddenError);
    const lead = await createStaff({ role: "lead" });
    const settings = await getSlaSettings(lead.actor);
    expect(settings.versions[0]).toMatchObject({ version: 1, createdBy: null });
    expect(settings.calendar.timeZone).toBe("Europe/Amsterdam");
  });

  it("refuses a specialist and a target that is not a positive number", async () => {
    const specialist = await createStaff({ role: "specialist" });
    await expect(publishSlaPolicy(specialist.actor, DEFAULT_POLICY)).rejects.toThrow(ForbiddenError);
    const admin = await createStaff({ role: "admin" });
    await expect(
      publishSlaPolicy(admin.actor, { ...DEFAULT_POLICY, agencyTargetHours: { password_reset: "-1" } }),
    ).rejects.toThrow(ValidationError);
  });
});
