import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, merchants, outboxEmails, slaStepClocks, staffTasks, staffUsers } from "@/db/schema";
import { runDigestTick } from "@/lib/digests/digest-tick";
import { sendDigestNow } from "@/lib/digests/send-digest-now";
import { updateDigestPreferences } from "@/lib/digests/update-digest-preferences";
import { JOB_NAMES, getQueue } from "@/lib/jobs/queues";
import { overrideEnv } from "@/lib/env";
import { deliverOutboxEmail } from "@/lib/reminders/outbox/deliver-outbox-email";
import { createMerchant } from "@/tests/factories/merchant";
import { createStaff } from "@/tests/factories/staff";
import { closeQueuesAfterAll, waitFor } from "@/tests/helpers/jobs";
import { smtpInboxForFile } from "@/tests/helpers/smtp-inbox";
import { killWorkersAfterAll, spawnWorker } from "@/tests/helpers/spawn-worker";

// Friday 27 Nov 2026, 09:30 in Amsterdam: past 08:00 on a working day, before 17:30.
const NOW = new Date("2026-11-27T08:30:00Z");
const hours = (h: number) => new Date(NOW.getTime() + h * 3_600_000);

const inbox = smtpInboxForFile();
closeQueuesAfterAll();
killWorkersAfterAll();

const mailsTo = (address: string) => inbox.messages.filter((m) => JSON.stringify(m.to).includes(address));
const digestRows = (staffId: string) => db.select().from(outboxEmails).where(eq(outboxEmails.staffId, staffId));

async function staffIn(zone: string, role: "specialist" | "lead" = "specialist") {
  const person = await createStaff({ role });
  await db.update(staffUsers).set({ timeZone: zone }).where(eq(staffUsers.id, person.user.id));
  return person;
}

/** A merchant of `specialistId` on our step password_reset, its SLA due at `dueAt`. */
async function ourStep(shopName: string, specialistId: string, dueAt: Date, warnAt: Date) {
  const m = await createMerchant({ shopName }, { completed: ["user_created", "user_approved"], specialistId });
  await db.update(merchants).set({ slaDueAt: dueAt, slaWarnAt: warnAt }).where(eq(merchants.id, m.id));
  return m;
}

describe("the specialist's morning digest", () => {
  it("arrives once with their merchants by time to breach, today's work and the reminders sent, with two ticks and two workers", async () => {
    const tom = await staffIn("Europe/Amsterdam");
    const soon = await ourStep("Due Soon Drinks", tom.user.id, hours(3), hours(-1));
    const breached = await ourStep("Breached Bottles", tom.user.id, hours(-2), hours(-4));
    const waiting = await createMerchant({ shopName: "Waiting Vines" }, { specialistId: tom.user.id });
    await db.insert(outboxEmails).values({
      dedupeKey: `test:${waiting.id}:1`,
      kind: "reminder",
      merchantId: waiting.id,
      stage: "user_created",
      reminderNumber: 1,
      status: "sent",
      sentAt: hours(-2),
    });
    // Its reminders ran out yesterday: an open "call the merchant" task of Tom's.
    await db.insert(staffTasks).values({
      merchantId: waiting.id,
      stage: "user_created",
      stepEnteredAt: hours(-200),
      level: "specialist",
      assigneeId: tom.user.id,
      createdAt: hours(-20),
    });

    const workers = [spawnWorker({ SMTP_URL: inbox.url }), spawnWorker({ SMTP_URL: inbox.url })];
    try {
      const ticks = await Promise.all([runDigestTick(NOW), runDigestTick(NOW)]);
      const [row] = await digestRows(tom.user.id);
      expect(row).toMatchObject({ kind: "daily_digest", dedupeKey: `digest:${tom.user.id}:daily:2026-11-27` });
      expect(ticks.flatMap((t) => t.ids).filter((id) => id === row!.id)).toHaveLength(1);
      // A duplicate job for the same email, so both workers try to send it.
      await getQueue("mail").add(JOB_NAMES.sendEmail, { outboxId: row!.id }, { jobId: `dup.${row!.id}` });
      await runDigestTick(new Date(NOW.getTime() + 5 * 60_000));
      // A cold worker process starts slowly on a loaded machine; the wait is for it, not a timing assertion.
      await waitFor(async () => mailsTo(tom.user.email).length > 0, "the digest", 150_000).catch((error) => {
        console.log(workers.map((w) => w.output().slice(-2000)).join("\n---\n"));
        throw error;
      });
      await waitFor(
        async () => (await digestRows(tom.user.id))[0]?.status === "sent",
        "the digest to be marked sent",
        20_000,
      );
      await new Promise((resolve) => setTimeout(resolve, 1500));
    } finally {
      for (const w of workers) w.child.kill("SIGTERM");
      await Promise.all(workers.map((w) => w.exited));
    }

    const mails = mailsTo(tom.user.email);
    expect(mails).toHaveLength(1);
    expect(await digestRows(tom.user.id)).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.subject).toBe("Your merchants for 27 Nov 2026: 1 breached, 2 due from you today");
    const text = mail.text ?? "";
    const [list, owed, calls, reminders] = text.split(/what you owe today|calls to make|reminders sent/i);
    const at = (name: string) => list!.indexOf(name);
    expect(at("Breached Bottles")).toBeGreaterThan(-1);
    expect(at("Breached Bottles")).toBeLessThan(at("Due Soon Drinks"));
    expect(at("Due Soon Drinks")).toBeLessThan(at("Waiting Vines"));
    expect(list).toContain("due 27 Nov 2026, 07:30 CET");
    expect(owed).toContain("Breached Bottles");
    expect(owed).toContain("Due Soon Drinks");
    expect(owed).not.toContain("Waiting Vines");
    expect(calls).toContain("Waiting Vines");
    expect(calls).toContain("Back-office user created · reminders ran out · open since 26 Nov 2026, 13:30 CET");
    expect(calls).toContain(`/merchants/${waiting.id}`);
    expect(calls).not.toContain("Breached Bottles");
    expect(reminders).toContain("Waiting Vines");
    expect(reminders).toContain("Reminder 1");
    expect(text).toContain(`/merchants/${breached.id}`);
    expect(text).toContain(`/merchants/${soon.id}`);
    expect(mail.html).toContain("Breached Bottles");
  }, 240_000);

  it("sends nothing to a specialist who opted out, nor to a deactivated one, and cancels a planned one on opt-out", async () => {
    const [out, gone, late, leaving] = [
      await staffIn("UTC"),
      await staffIn("UTC"),
      await staffIn("UTC"),
      await staffIn("UTC"),
    ];
    for (const person of [out, gone, late, leaving])
      await createMerchant({ shopName: `Shop of ${person.user.name}` }, { specialistId: person.user.id });
    await updateDigestPreferences(out.actor, { daily: false, weekly: true });
    await db.update(staffUsers).set({ active: false }).where(eq(staffUsers.id, gone.user.id));

    await runDigestTick(NOW);
    expect(await digestRows(out.user.id)).toEqual([]);
    expect(await digestRows(gone.user.id)).toEqual([]);
    const [planned] = await digestRows(late.user.id);
    expect(planned?.status).toBe("planned");

    // Opting out after the digest was planned, before it went out: it is not sent.
    await updateDigestPreferences(late.actor, { daily: false, weekly: true });
    expect(await deliverOutboxEmail(planned!.id)).toBe("skipped");
    expect((await digestRows(late.user.id))[0]).toMatchObject({ status: "cancelled", lastError: "opted out" });
    expect(mailsTo(late.user.email)).toEqual([]);
    // Deactivated after the digest was planned: the mailer's re-check cancels it.
    const [leavingRow] = await digestRows(leaving.user.id);
    await db.update(staffUsers).set({ active: false }).where(eq(staffUsers.id, leaving.user.id));
    expect(await deliverOutboxEmail(leavingRow!.id)).toBe("cancelled");
    expect((await digestRows(leaving.user.id))[0]).toMatchObject({
      status: "cancelled",
      lastError: "recipient deactivated",
    });
    expect(mailsTo(leaving.user.email)).toEqual([]);

    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "staff.digests_changed"), eq(auditLog.entityId, out.user.id)));
    expect(audit?.details).toEqual({ daily: false, weekly: true });
  }, 60_000);
});

describe("the lead's weekly digest", () => {
  it("lists stalled merchants and the week's SLA breaches, once per week", async () => {
    const lead = await staffIn("Europe/Amsterdam", "lead");
    const stalled = await createMerchant({ shopName: "Stalled Shop" });
    await db
      .update(slaStepClocks)
      .set({ dueAt: hours(-30) })
      .where(and(eq(slaStepClocks.merchantId, stalled.id), eq(slaStepClocks.step, "user_created")));
    const late = await createMerchant({ shopName: "Late Cellar" }, { completed: ["user_created", "user_approved"] });
    await db
      .update(slaStepClocks)
      .set({ dueAt: hours(-50) })
      .where(and(eq(slaStepClocks.merchantId, late.id), eq(slaStepClocks.step, "password_reset")));
    // The specialist's call did not settle it: an unassigned lead task.
    await db.insert(staffTasks).values({
      merchantId: stalled.id,
      stage: "user_created",
      stepEnteredAt: hours(-200),
      level: "lead",
      assigneeId: null,
      createdAt: hours(-4),
    });

    await runDigestTick(NOW);
    await runDigestTick(hours(24 * 3)); // Monday 30 Nov is another ISO week; Friday's tick again is not.
    await runDigestTick(hours(1));
    const rows = await digestRows(lead.user.id);
    expect(rows.map((r) => r.dedupeKey).sort()).toEqual([
      `digest:${lead.user.id}:weekly:2026-W48`,
      `digest:${lead.user.id}:weekly:2026-W49`,
    ]);
    const friday = rows.find((r) => r.dedupeKey.endsWith("W48"))!;
    expect(await deliverOutboxEmail(friday.id)).toBe("sent");
    const mail = await inbox.waitFor((m) => JSON.stringify(m.to).includes(lead.user.email));
    expect(mail.subject).toMatch(/^Weekly onboarding digest: \d+ stalled merchants?, \d+ SLA breach(es)?$/);
    const [stalledPart, breachPart, leadCalls] = (mail.text ?? "").split(
      /sla breaches in the last 7 days|calls for a lead to make/i,
    );
    expect(stalledPart).toContain("Stalled Shop");
    expect(stalledPart).toContain("Back-office user created");
    expect(breachPart).toContain("Late Cellar");
    expect(breachPart).toContain("still open");
    expect(leadCalls).toContain("Stalled Shop");
    expect(leadCalls).toContain("Back-office user created · reminders ran out");
    expect(leadCalls).not.toContain("Late Cellar");
    expect(mail.text).toContain(`/merchants/${stalled.id}`);
  }, 60_000);
});

describe("a digest the SMTP server refuses", () => {
  it("is retried with a backoff, then failed once the attempts run out, and never reaches anyone", async () => {
    const ann = await staffIn("Europe/Amsterdam");
    await createMerchant({ shopName: "Refused Rosé" }, { specialistId: ann.user.id });
    await runDigestTick(NOW);
    const [row] = await digestRows(ann.user.id);
    const restore = overrideEnv({ SMTP_URL: "smtp://127.0.0.1:9", MAIL_MAX_ATTEMPTS: "2" });
    try {
      expect(await deliverOutboxEmail(row!.id)).toBe("retry");
      const [retried] = await digestRows(ann.user.id);
      expect(retried).toMatchObject({ status: "planned", attempts: 1 });
      expect(retried!.lastError).toMatch(/ECONNREFUSED|connect/i);
      expect(retried!.dueAt!.getTime()).toBeGreaterThan(Date.now());

      await db.update(outboxEmails).set({ dueAt: NOW }).where(eq(outboxEmails.id, row!.id));
      expect(await deliverOutboxEmail(row!.id)).toBe("failed");
      expect((await digestRows(ann.user.id))[0]).toMatchObject({ status: "failed", attempts: 2 });
    } finally {
      restore();
    }
    expect(mailsTo(ann.user.email)).toEqual([]);
  }, 60_000);
});

describe("npm run digests -- send-now", () => {
  it("sends a person's digest at once even on a Sunday, and once only", async () => {
    const eva = await staffIn("Europe/Amsterdam");
    await createMerchant({ shopName: "Sunday Shop" }, { specialistId: eva.user.id });
    const sunday = new Date("2026-11-22T12:00:00Z");
    expect(await sendDigestNow(eva.user.email.toUpperCase(), sunday)).toEqual({ planned: 1, outcomes: ["sent"] });
    expect(await sendDigestNow(eva.user.email, sunday)).toEqual({ planned: 0, outcomes: [] });
    const mail = await inbox.waitFor((m) => JSON.stringify(m.to).includes(eva.user.email));
    expect(mail.text).toContain("Sunday Shop");
    expect(mailsTo(eva.user.email)).toHaveLength(1);
  }, 60_000);
});
