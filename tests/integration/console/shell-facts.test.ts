import { eq, isNull } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { platformIncidents, staffTasks } from "@/db/schema";
import { loadActor, loadActorWith } from "@/lib/auth/load-actor";
import { loadShellFacts, SHELL_FIGURES, shellFactsFor } from "@/lib/console/shell-facts";
import { deactivateStaff } from "@/lib/staff/deactivate-staff";
import { countTriage } from "@/lib/intake";
import { getOpenPlatformIncident } from "@/lib/key-health/platform-incident";
import { countMyOpenTasks } from "@/lib/tasks/list-tasks";
import { createMerchant } from "@/tests/factories/merchant";
import { createStaff } from "@/tests/factories/staff";

const inserted: string[] = [];
afterAll(async () => {
  for (const id of inserted) await db.delete(platformIncidents).where(eq(platformIncidents.id, id));
});

describe("the signed-in shell's facts, read in one statement", () => {
  it("are the navigation counts and the open incident each page read on its own before", async () => {
    const specialist = await createStaff();
    const lead = await createStaff({ role: "lead" });
    const m = await createMerchant({ company: "Shell Facts B.V." }, { completed: ["user_created"] });
    const task = { merchantId: m.id, stage: "user_approved" as const, stepEnteredAt: new Date() };
    await db.insert(staffTasks).values([
      { ...task, level: "specialist", assigneeId: specialist.actor.id },
      { ...task, level: "lead", assigneeId: null },
    ]);
    const [open] = await db.select().from(platformIncidents).where(isNull(platformIncidents.closedAt));
    if (!open) {
      const [row] = await db
        .insert(platformIncidents)
        .values({ checks: 40, failures: 30, peakFailures: 31, summary: "Lightspeed platform errors: 30 of 40" })
        .returning();
      inserted.push(row!.id);
    }

    for (const { actor } of [specialist, lead]) {
      const facts = await loadShellFacts(actor);
      expect(facts).toEqual({
        triage: await countTriage(actor),
        openTasks: await countMyOpenTasks(actor),
        incident: await getOpenPlatformIncident(actor),
      });
    }
    expect((await loadShellFacts(specialist.actor)).openTasks).toBeGreaterThanOrEqual(1);
    expect((await loadShellFacts(lead.actor)).incident).not.toBeNull();
  });

  it("read with the actor in one statement: the same actor, the same facts, nothing once deactivated", async () => {
    const specialist = await createStaff();
    const lead = await createStaff({ role: "lead" });
    const admin = await createStaff({ role: "admin" });
    const m = await createMerchant({ company: "Shell Facts Together B.V." }, { completed: ["user_created"] });
    const task = { merchantId: m.id, stage: "user_approved" as const, stepEnteredAt: new Date() };
    await db.insert(staffTasks).values([
      { ...task, level: "specialist", assigneeId: specialist.actor.id },
      { ...task, level: "lead", assigneeId: null },
    ]);

    for (const { actor, user } of [specialist, lead, admin]) {
      const claims = { sub: user.id, sessionVersion: user.sessionVersion };
      const read = await loadActorWith(claims, SHELL_FIGURES);
      expect(read?.actor).toEqual(await loadActor(claims));
      expect(read?.actor).toMatchObject(actor);
      expect(shellFactsFor(read!.actor, read!.extra)).toEqual(await loadShellFacts(actor));
    }

    await deactivateStaff(admin.actor, specialist.user.id);
    const claims = { sub: specialist.user.id, sessionVersion: specialist.user.sessionVersion };
    expect(await loadActorWith(claims, SHELL_FIGURES)).toBeNull();
  });
});
