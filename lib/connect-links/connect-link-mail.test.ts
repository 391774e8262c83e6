import { describe, expect, it } from "vitest";
import { connectLinkMail } from "./connect-link-mail";

const base = {
  contactName: "Anne",
  shopName: "Wijnhuis De Bron",
  url: "https://console.example/connect/abc",
  // 23:30 UTC on 5 Dec: already 6 Dec in Amsterdam, still 5 Dec in New York.
  expiresAt: new Date("2026-12-05T23:30:00Z"),
};

describe("the secure-link email", () => {
  it("is written in the shop's language, with the last day on the merchant's calendar", () => {
    const nl = connectLinkMail({ ...base, language: "nl", timeZone: "Europe/Amsterdam" });
    expect(nl.subject).toBe("Wijnhuis De Bron koppelen aan Actenzo: je beveiligde link");
    expect(nl.text).toContain("Hallo Anne,");
    expect(nl.text).toContain("De link werkt tot en met 6 december 2026");
    expect(nl.text).toContain(base.url);

    const de = connectLinkMail({ ...base, language: "DE", timeZone: "Europe/Berlin" });
    expect(de.subject).toBe("Wijnhuis De Bron mit Actenzo verbinden: Ihr sicherer Link");
    expect(de.text).toContain("bis einschließlich 6. Dezember 2026");

    const fr = connectLinkMail({ ...base, language: "fr", timeZone: "America/Montreal" });
    expect(fr.text).toContain("valable jusqu'au 5 décembre 2026 inclus");
  });

  it("falls back to English for a language we do not write in", () => {
    const mail = connectLinkMail({ ...base, language: "es", timeZone: "America/New_York" });
    expect(mail.subject).toBe("Connect Wijnhuis De Bron to Actenzo: your secure link");
    expect(mail.text).toContain("The link works until 5 December 2026 and only for your shop.");
  });
});
