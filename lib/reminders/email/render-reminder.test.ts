import { describe, expect, it } from "vitest";
import { reminderLanguage } from "./copy";
import { renderReminder } from "./render-reminder";

const base = {
  contactName: "Sanne de Vries",
  shopName: "Wijnhuis De Bron",
  pageUrl: "https://console.example/m/abc",
  steps: [
    { step: "secret_received" as const, missingHalf: "secret" as const },
    { step: "key_verified" as const, unticked: ["Orders → Write", "Webhooks → Write"] },
  ],
};

describe("reminder email content", () => {
  it("chooses the shop's language among en, nl, de, fr and English otherwise", () => {
    expect(["nl", "DE", "fr", "en", "us", "es", null].map(reminderLanguage)).toEqual([
      "nl",
      "de",
      "fr",
      "en",
      "en",
      "en",
      "en",
    ]);
  });

  it("names the missing half and the unticked checkboxes, with the guide and the page link, in HTML and text", async () => {
    const mail = await renderReminder({ ...base, shopLanguage: "en" });
    expect(mail.subject).toBe("Wijnhuis De Bron: a few steps left to connect your shop to Actenzo");
    for (const body of [mail.text, mail.html]) {
      expect(body).toContain("We received your API key but not the API secret.");
      expect(body).toContain("Orders → Write, Webhooks → Write");
      expect(body).toContain("press Show to reveal the API secret");
      expect(body).toContain("https://console.example/m/abc");
    }
    expect(mail.html).toContain('lang="en"');
  });

  it("writes Dutch, German and French for those shops", async () => {
    const nl = await renderReminder({ ...base, shopLanguage: "nl" });
    expect(nl.text).toContain("We hebben je API-key ontvangen, maar nog niet het API-secret.");
    expect(nl.text).toContain("Nog niet aangevinkt: Orders → Write");
    const de = await renderReminder({ ...base, shopLanguage: "de" });
    expect(de.text).toContain("Wir haben Ihren API-Key erhalten, aber noch nicht das API-Secret.");
    const fr = await renderReminder({ ...base, shopLanguage: "fr" });
    expect(fr.subject).toContain("encore quelques étapes");
  });

  it("uses the lead's wording for the intro and closing when stored", async () => {
    const mail = await renderReminder({ ...base, shopLanguage: "nl", wording: { intro: "Beste klant, nog even!" } });
    expect(mail.text).toContain("Beste klant, nog even!");
    expect(mail.text).toContain("Beantwoord deze e-mail");
  });
});

describe("reminder email personalisation", () => {
  it("puts each merchant's name and links in, escaped in the HTML part", async () => {
    const a = await renderReminder({ ...base, shopLanguage: "en", contactName: "Tom & <Jerry>" });
    const b = await renderReminder({ ...base, shopLanguage: "en", pageUrl: "https://console.example/m/other" });
    expect(a.text).toContain("Hello Tom & <Jerry>,");
    expect(a.html).toContain("Hello Tom &amp; &lt;Jerry&gt;,");
    expect(b.html).toContain('href="https://console.example/m/other"');
    expect(b.text).not.toContain("XX");
  });
});
