import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { submitConnectCredentials } from "@/lib/connect-links";
import { getMerchantPage } from "@/lib/reminders/page/get-merchant-page";
import { snoozeReminders, unsubscribeReminders } from "@/lib/reminders/page/merchant-preferences";
import { createPageLink } from "@/lib/reminders/page/page-link";
import { MERCHANT_PAGE_COPY } from "@/lib/reminders/page/page-copy";
import { createMerchant } from "@/tests/factories/merchant";
import { ONBOARDED } from "@/tests/factories/merchant";
import { withSimulator } from "@/tests/helpers/simulator";

const lightspeed = withSimulator();
const link = (merchantId: string, withKeyForm = true) =>
  db.transaction((tx) => createPageLink(tx, merchantId, { withKeyForm }));

describe("the merchant's own page (signed link from a reminder)", () => {
  it("shows progress: done, waiting for the merchant with the guide, waiting for Actenzo; the key form completes the key step", async () => {
    const merchant = await createMerchant({ language: "nl", cluster: "eu1" }, { completed: ONBOARDED });
    const token = await link(merchant.id);
    const page = await getMerchantPage(token, "203.0.113.7");
    expect(page?.done.map((d) => d.stage)).toEqual(["signed_up", "user_created", "user_approved", "password_reset"]);
    expect(page?.waitingForYou.map((w) => w.title)).toEqual(["Stuur ons de API-key", "Stuur ons het API-secret"]);
    expect(page?.waitingForUs.map((w) => w.stage)).toEqual(["key_verified", "live"]);
    expect(page?.connectToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const pair = lightspeed.addKey();
    const result = await submitConnectCredentials(page!.connectToken!, pair, { ip: "203.0.113.7" });
    expect(result.outcome).toBe("connected");
    const after = await getMerchantPage(token, "203.0.113.7");
    expect(after?.done.map((d) => d.stage)).toContain("key_verified");
    expect(after?.waitingForYou).toEqual([]);
  });

  it("is in the shop's language: a Dutch shop reads its page in Dutch, an unknown language in English", async () => {
    const dutch = await createMerchant({ language: "nl", shopName: "Wijnhuis De Bron" }, { completed: ONBOARDED });
    const page = await getMerchantPage(await link(dutch.id), "203.0.113.9");
    expect(page?.language).toBe("nl");
    const copy = MERCHANT_PAGE_COPY[page!.language];
    expect(copy.heading(page!.shopName)).toBe("Wijnhuis De Bron koppelen aan Actenzo");
    expect([copy.waitingForYou, copy.waitingForUs, copy.done]).toEqual(["Wacht op jou", "Wacht op Actenzo", "Klaar"]);
    expect(page?.done.map((d) => d.label)).toEqual([
      "Aangemeld",
      "Back-office-gebruiker aangemaakt",
      "Gebruiker goedgekeurd met volledige rechten",
      "Wachtwoord ingesteld",
    ]);
    expect(page?.waitingForYou.map((w) => w.title)).toEqual(["Stuur ons de API-key", "Stuur ons het API-secret"]);
    expect(page?.waitingForUs.map((w) => w.label)).toEqual(["Key gecontroleerd", "Live"]);
    expect(copy.form.key).toBe("API-key");

    const spanish = await createMerchant({ language: "es" });
    const other = await getMerchantPage(await link(spanish.id), "203.0.113.9");
    expect(other?.language).toBe("en");
    expect(other?.waitingForYou[0]?.title).toBe("Create a back-office user for us");
  });

  it("refuses unknown tokens, and takes snooze and unsubscribe only through a valid link", async () => {
    expect(await getMerchantPage("x".repeat(43), "203.0.113.8")).toBeNull();
    await expect(unsubscribeReminders("y".repeat(43))).rejects.toThrow(/not found/i);
    const merchant = await createMerchant({ language: "fr" });
    const token = await link(merchant.id, false);
    await expect(snoozeReminders(token, { until: new Date(Date.now() - 86_400_000) })).rejects.toThrow(/after today/);
    await snoozeReminders(token, { until: new Date(Date.now() + 3 * 86_400_000) });
    await unsubscribeReminders(token);
    const page = await getMerchantPage(token, "203.0.113.8");
    expect(page).toMatchObject({ unsubscribed: true, connectToken: null });
    expect(page?.snoozedUntil).not.toBeNull();
  });
});
