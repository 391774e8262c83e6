import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, merchants, reminderSequences, staffTasks } from "@/db/schema";
import { completeStep, holdMerchant } from "@/lib/onboarding";
import { eventSentence } from "@/lib/onboarding/workspace/event-sentence";
import { getReminderOverview } from "@/lib/reminders/get-next-reminder";
import { runReminderTick } from "@/lib/reminders/reminder-tick";
import { completeTask } from "@/lib/tasks/complete-task";
import { countMyOpenTasks, listMerchantOpenTasks, listMyTasks, listOpenTasks } from "@/lib/tasks/list-tasks";
import { ForbiddenError } from "@/lib/errors";
import { createMerchant } from "@/tests/factories/merchant";
import { createStaff } from "@/tests/factories/staff";
import { NOW, reminderEvents } from "../reminders/helpers";

const STEP_START = new Date("2026-10-01T08:00:00Z");
/** A week after NOW: past the policy's wait (4 merchant business days) before the lead is asked. */
const WEEK_LATER = new Date("2026-12-03T10:00:00Z");

/** A merchant stuck on "User created" whose three reminders all went out long ago. */
async function exhaustedMerchant(specialistId?: string) {
  const merchant = await createMerchant({ language: "en", country: "NL" }, { specialistId });
  await db.update(merchants).set({ stageEnteredAt: STEP_START }).where(eq(merchants.id, merchant.id));
  await db.insert(reminderSequences).values({
    merchantId: merchant.id,
    stage: "user_created",
    stepEnteredAt: STEP_START,
    sent: 3,
    lastActionAt: new Date("2026-11-10T09:00:00Z"),
  });
  return merchant;
}

const tasksOf = (merchantId: string) =>
  db.select().from(staffTasks).where(eq(staffTasks.merchantId, merchantId)).orderBy(staffTasks.createdAt);
const sentences = async (merchantId: string) =>
  (await reminderEvents(merchantId)).map((e) => eventSentence({ ...e, assignedTo: null }));

describe("escalation tasks", () => {
  it("reminders exhausted: one specialist task (two ticks racing), then a lead task after the wait", async () => {
    const specialist = await createStaff();
    const lead = await createStaff({ role: "lead" });
    const merchant = await exhaustedMerchant(specialist.user.id);

    await Promise.all([runReminderTick(NOW), runReminderTick(NOW)]);
    const [task, ...more] = await tasksOf(merchant.id);
    expect(more).toEqual([]);
    expect(task).toMatchObject({ level: "specialist", assigneeId: specialist.user.id, doneAt: null });
    expect((await sentences(merchant.id)).filter((s) => s.includes("the specialist is asked"))).toHaveLength(1);
    expect(await countMyOpenTasks(specialist.actor)).toBe(1);
    expect((await listMyTasks(specialist.actor)).map((t) => t.merchantId)).toEqual([merchant.id]);
    expect((await listOpenTasks({ assigneeId: specialist.user.id })).map((t) => t.id)).toEqual([task!.id]);
    expect(await listMerchantOpenTasks(specialist.actor, merchant.id)).toHaveLength(1);

    // Still open a week later: the lead is asked (once), every lead sees it.
    await Promise.all([runReminderTick(WEEK_LATER), runReminderTick(WEEK_LATER)]);
    const tasks = await tasksOf(merchant.id);
    expect(tasks.map((t) => [t.level, t.assigneeId])).toEqual([
      ["specialist", specialist.user.id],
      ["lead", null],
    ]);
    expect((await listMyTasks(lead.actor)).map((t) => t.id)).toContain(tasks[1]!.id);
    expect((await listMyTasks(specialist.actor)).map((t) => t.id)).not.toContain(tasks[1]!.id);
  });

  it("Done closes the task with the outcome, audited and on the timeline; the lead is then not asked", async () => {
    const specialist = await createStaff();
    const other = await createStaff();
    const merchant = await exhaustedMerchant(specialist.user.id);
    await runReminderTick(NOW);
    const [task] = await tasksOf(merchant.id);
    expect((await getReminderOverview(specialist.actor, merchant.id, NOW)).next).toMatchObject({
      state: "escalation",
      to: "lead",
    });

    await expect(completeTask(other.actor, { taskId: task!.id, outcome: "Called" })).rejects.toThrow(ForbiddenError);
    await expect(completeTask(specialist.actor, { taskId: task!.id, outcome: "" })).rejects.toThrow(/call came to/);
    await completeTask(specialist.actor, { taskId: task!.id, outcome: "Called: the owner sends the user today." });

    const [done] = await tasksOf(merchant.id);
    expect(done).toMatchObject({ closeReason: "done", doneBy: specialist.user.id });
    expect(done!.outcome).toBe("Called: the owner sends the user today.");
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, merchant.id), eq(auditLog.action, "merchant.task_done")));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe(specialist.user.id);
    expect(await sentences(merchant.id)).toContain(
      "Called the merchant about “Back-office user created” and marked the specialist's task done.",
    );
    expect(await countMyOpenTasks(specialist.actor)).toBe(0);

    // The workspace no longer announces the lead; a week later the lead is indeed not asked.
    expect((await getReminderOverview(specialist.actor, merchant.id, NOW)).next).toEqual({ state: "called" });
    await runReminderTick(WEEK_LATER);
    expect((await tasksOf(merchant.id)).map((t) => t.level)).toEqual(["specialist"]);
    expect((await getReminderOverview(specialist.actor, merchant.id, WEEK_LATER)).next).toEqual({ state: "called" });
  });

  it("a lead closes anyone's task", async () => {
    const specialist = await createStaff();
    const lead = await createStaff({ role: "lead" });
    const merchant = await exhaustedMerchant(specialist.user.id);
    await runReminderTick(NOW);
    const [task] = await tasksOf(merchant.id);
    await completeTask(lead.actor, { taskId: task!.id, outcome: "Took it over, called them." });
    expect((await tasksOf(merchant.id))[0]).toMatchObject({ closeReason: "done", doneBy: lead.user.id });
  });

  it("tasks close by themselves when the step completes or the merchant is put on hold, with the reason", async () => {
    const specialist = await createStaff();
    const completed = await exhaustedMerchant(specialist.user.id);
    const held = await exhaustedMerchant(specialist.user.id);
    await runReminderTick(NOW);

    await completeStep(specialist.actor, {
      merchantId: completed.id,
      stage: "user_created",
      evidence: { lightspeedUserEmail: "integrations@actenzo.test" },
    });
    await holdMerchant(specialist.actor, { merchantId: held.id, reason: "Shop closed for renovation" });
    await runReminderTick(NOW);

    expect((await tasksOf(completed.id))[0]).toMatchObject({ closeReason: "step_done", doneBy: null });
    expect((await tasksOf(held.id))[0]).toMatchObject({ closeReason: "on_hold" });
    expect(await sentences(completed.id)).toContain(
      "The specialist's task to call the merchant about “Back-office user created” closed by itself: the step is done.",
    );
    expect(await countMyOpenTasks(specialist.actor)).toBe(0);
  });
});
