import { eq, isNull } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { platformIncidents } from "@/db/schema";
import { completeStep, holdMerchant } from "@/lib/onboarding";
import { eventSentence } from "@/lib/onboarding/workspace/event-sentence";
import { askMerchantToAct } from "@/lib/reminders/ask-merchant-to-act";
import { markMerchantReplied } from "@/lib/reminders/mark-merchant-replied";
import { createPageLink } from "@/lib/reminders/page/page-link";
import { snoozeReminders, unsubscribeReminders } from "@/lib/reminders/page/merchant-preferences";
import { runReminderTick } from "@/lib/reminders/reminder-tick";
import { createMerchant } from "@/tests/factories/merchant";
import { createStaff } from "@/tests/factories/staff";
import { overrideEnv } from "@/lib/env";
import { smtpInboxForFile } from "@/tests/helpers/smtp-inbox";
import { ONBOARDED } from "@/tests/factories/merchant";
import { merchantWithPair } from "@/tests/factories/credential";
import { drained, waitFor, withWorkers } from "@/tests/helpers/jobs";
import { grants, withSimulator } from "@/tests/helpers/simulator";
import { LONG_AGO, NOW, outboxOf, reminderEvents, sleep, stall } from "./helpers";

const inbox = smtpInboxForFile({ MAIL_RETRY_BASE_MS: "0", MAIL_MAX_ATTEMPTS: "2" });
const lightspeed = withSimulator();
withWorkers(["verification", "mail"]);

const to = (address: string) => inbox.messages.filter((m) => m.to && JSON.stringify(m.to).includes(address));
async function tick() {
  const result = await runReminderTick(NOW);
  // Every due email of this database goes in a tick (other files' merchants too): allow for a busy machine.
  await drained("mail", 60_000);
  return result;
}
const pageToken = (merchantId: string) => db.transaction((tx) => createPageLink(tx, merchantId, { withKeyForm: true }));

describe("reminders to stalled merchants", () => {
  it("stalled merchants across steps get exactly the planned email, naming what is missing, in their language", async () => {
    // English shop waiting for the back-office user; Dutch shop whose secret never came; German shop
    // whose key works but lacks Orders → Write.
    const english = await createMerchant({ language: "en", country: "GB" });
    const dutch = await createMerchant(
      { language: "nl", country: "NL" },
      { completed: [...ONBOARDED, "key_received"] },
    );
    const german = await merchantWithPair(lightspeed, { permissions: grants({ orders: { write: false } }) });
    await drained("verification", 60_000);
    for (const m of [english, dutch, german.merchant]) await stall(m.id);

    const first = await tick();
    expect(first.planned).toBeGreaterThanOrEqual(3);
    const [en] = to(english.contactEmail);
    expect(en?.subject).toContain("a few steps left to connect your shop");
    expect(en?.text).toContain("Create a back-office user for us");
    expect(en?.text).toMatch(/\/m\/[A-Za-z0-9_-]{43}/);
    const [nl] = to(dutch.contactEmail);
    expect(nl?.text).toContain("We hebben je API-key ontvangen, maar nog niet het API-secret.");
    const [de] = to(german.merchant.contactEmail);
    // merchantWithPair makes a Dutch shop: the unticked checkbox is named in Dutch words around it.
    expect(de?.text).toContain("Nog niet aangevinkt: Orders → Write");

    // Another tick at the same moment plans nothing new: one email each.
    await tick();
    await sleep(200);
    for (const m of [english, dutch, german.merchant]) expect(to(m.contactEmail)).toHaveLength(1);
    const [sent] = await reminderEvents(dutch.id);
    expect(eventSentence({ type: sent!.type, stage: sent!.stage, evidence: sent!.evidence, assignedTo: null })).toBe(
      `Sent reminder 1 to ${dutch.contactEmail} (NL) about “API secret received”.`,
    );
  }, 120_000);

  it("a completed step stops the reminders, and the timeline says why", async () => {
    const merchant = await createMerchant({ language: "fr", country: "BE" });
    await stall(merchant.id);
    await tick();
    expect(to(merchant.contactEmail)).toHaveLength(1);
    expect(to(merchant.contactEmail)[0]?.subject).toContain("encore quelques étapes");
    const staff = await createStaff();
    await completeStep(staff.actor, { merchantId: merchant.id, stage: "user_created" });
    await tick();
    const [stop] = await reminderEvents(merchant.id);
    expect(stop?.evidence).toMatchObject({ action: "stopped", reason: "step_done", sent: 1 });
    expect(eventSentence({ type: "reminder", stage: stop!.stage, evidence: stop!.evidence, assignedTo: null })).toBe(
      "Stopped the reminders about “Back-office user created” after 1 sent: the step is done.",
    );
  });

  it("on hold and 'merchant replied' stop the reminders with their reason", async () => {
    const staff = await createStaff();
    const held = await createMerchant({ language: "en", country: "NL" });
    const replied = await createMerchant({ language: "en", country: "NL" });
    for (const m of [held, replied]) await stall(m.id);
    await tick();
    await holdMerchant(staff.actor, { merchantId: held.id, reason: "Shop closed for renovation" });
    await markMerchantReplied(staff.actor, { merchantId: replied.id });
    // Hold restarts the step clock: the old sequence is stopped as on hold.
    await tick();
    expect((await reminderEvents(held.id)).map((e) => e.evidence?.reason)).toContain("on_hold");
    expect((await reminderEvents(replied.id)).map((e) => e.evidence?.reason)).toContain("merchant_replied");
  });

  it("a snooze holds until its date and an unsubscribe holds for good", async () => {
    const snoozer = await createMerchant({ language: "nl", country: "NL" });
    const leaver = await createMerchant({ language: "de", country: "DE" });
    for (const m of [snoozer, leaver]) await stall(m.id);
    await snoozeReminders(await pageToken(snoozer.id), { until: new Date(Date.now() + 7 * 86_400_000) });
    await unsubscribeReminders(await pageToken(leaver.id));
    const result = await tick();
    expect(result.muted).toBeGreaterThanOrEqual(1);
    await sleep(200);
    expect(to(snoozer.contactEmail)).toHaveLength(0);
    expect(to(leaver.contactEmail)).toHaveLength(0);
    expect((await reminderEvents(leaver.id))[0]?.evidence).toMatchObject({ action: "unsubscribed" });
  });

  it("an open Lightspeed platform incident mutes merchant reminders until it closes", async () => {
    const merchant = await createMerchant({ language: "en", country: "NL" });
    await stall(merchant.id);
    await db.update(platformIncidents).set({ closedAt: new Date() }).where(isNull(platformIncidents.closedAt));
    const [incident] = await db
      .insert(platformIncidents)
      .values({ checks: 50, failures: 40, peakFailures: 40, summary: "Lightspeed eu1 answers 503" })
      .returning();
    await tick();
    await sleep(200);
    expect(to(merchant.contactEmail)).toHaveLength(0);
    await db.update(platformIncidents).set({ closedAt: new Date() }).where(eq(platformIncidents.id, incident!.id));
    await tick();
    expect(to(merchant.contactEmail)).toHaveLength(1);
  });

  it("'Ask merchant to act' sends one email at once, outside any schedule", async () => {
    const staff = await createStaff();
    const merchant = await createMerchant({ language: "nl", country: "NL" }, { completed: ONBOARDED });
    await askMerchantToAct(staff.actor, { merchantId: merchant.id, reason: "Send the API key and secret" });
    const mail = await inbox.waitFor((m) => JSON.stringify(m.to).includes(merchant.contactEmail));
    expect(mail.text).toContain("Stuur ons de API-key");
    await drained("mail");
    await sleep(200);
    expect(to(merchant.contactEmail)).toHaveLength(1);
    expect((await reminderEvents(merchant.id))[0]?.evidence).toMatchObject({ kind: "ask" });
  });

  it("SMTP errors are retried, then the specialist sees the failure on the timeline", async () => {
    const merchant = await createMerchant({ language: "en", country: "NL" });
    await stall(merchant.id, LONG_AGO);
    const restoreSmtp = overrideEnv({ SMTP_URL: "smtp://127.0.0.1:9" });
    try {
      await tick();
      await waitFor(async () => (await outboxOf(merchant.id))[0]?.attempts === 1, "the first attempt");
      await tick();
      await waitFor(async () => (await outboxOf(merchant.id))[0]?.status === "failed", "the email to fail");
    } finally {
      restoreSmtp();
    }
    const [failed] = await reminderEvents(merchant.id);
    expect(failed?.evidence).toMatchObject({ action: "failed", attempts: 2 });
    expect(to(merchant.contactEmail)).toHaveLength(0);
  });
});

afterAll(async () => {
  await db.update(platformIncidents).set({ closedAt: new Date() }).where(isNull(platformIncidents.closedAt));
});
