import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, reminderPolicies } from "@/db/schema";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { renderReminder } from "@/lib/reminders/email/render-reminder";
import { listReminderSettings, updateReminderPolicy, updateReminderWording } from "@/lib/reminders/settings";
import { loadReminderRules } from "@/lib/reminders/load-rules";
import { createStaff } from "@/tests/factories/staff";

describe("reminder settings (leads and admins, audited)", () => {
  it("has the default policy seeded, and a lead changes it with an audit row", async () => {
    const lead = await createStaff({ role: "lead" });
    const rules = await loadReminderRules();
    expect(rules.get("key_received")).toMatchObject({ firstAfterDays: 2, cadenceDays: [3, 4], maxCount: 3 });
    await updateReminderPolicy(lead.actor, {
      stage: "user_created",
      firstAfterDays: "1",
      cadenceDays: "2, 2",
      maxCount: "4",
    });
    const [row] = await db.select().from(reminderPolicies).where(eq(reminderPolicies.stage, "user_created"));
    expect(row).toMatchObject({ firstAfterDays: 1, cadenceDays: [2, 2], maxCount: 4, updatedBy: lead.user.id });
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "reminder_policy.updated"), eq(auditLog.entityId, "user_created")))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(audit?.details).toMatchObject({ after: { firstAfterDays: 1, cadenceDays: [2, 2], maxCount: 4 } });
    await updateReminderPolicy(lead.actor, {
      stage: "user_created",
      firstAfterDays: "2",
      cadenceDays: "3,4",
      maxCount: "3",
    });
  });

  it("refuses specialists and nonsense values", async () => {
    const specialist = await createStaff();
    const admin = await createStaff({ role: "admin" });
    await expect(listReminderSettings(specialist.actor)).rejects.toThrow(ForbiddenError);
    await expect(
      updateReminderPolicy(admin.actor, {
        stage: "key_received",
        firstAfterDays: "0",
        cadenceDays: "3",
        maxCount: "3",
      }),
    ).rejects.toThrow(ValidationError);
    await expect(
      updateReminderPolicy(admin.actor, { stage: "key_received", firstAfterDays: "2", cadenceDays: "", maxCount: "3" }),
    ).rejects.toThrow(ValidationError);
  });

  it("stores the wording per language that the emails then use", async () => {
    const admin = await createStaff({ role: "admin" });
    await updateReminderWording(admin.actor, { language: "fr", intro: "Bonjour, petit rappel !", closing: "" });
    const settings = await listReminderSettings(admin.actor);
    const fr = settings.wording.find((w) => w.language === "fr");
    expect(fr).toMatchObject({ intro: "Bonjour, petit rappel !", closing: "" });
    const mail = await renderReminder({
      shopLanguage: "fr",
      contactName: "Camille",
      shopName: "Cave",
      pageUrl: "https://x/m/a",
      steps: [{ step: "user_created" }],
      wording: { intro: fr!.intro, closing: null },
    });
    expect(mail.text).toContain("Bonjour, petit rappel !");
  });
});
