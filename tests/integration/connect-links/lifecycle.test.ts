import { describe, expect, it } from "vitest";
import { sql } from "@/db/client";
import {
  createConnectLink,
  getConnectLinkContext,
  listConnectLinks,
  revokeConnectLink,
  submitConnectCredentials,
} from "@/lib/connect-links";
import { hashLinkToken } from "@/lib/connect-links/token";
import { RuleViolationError, ValidationError } from "@/lib/errors";
import { cancelMerchant } from "@/lib/onboarding";
import { createStaff } from "@/tests/factories/staff";
import { smtpInboxForFile } from "@/tests/helpers/smtp-inbox";
import { closeConnectionsAfterAll, createEuMerchant, freshIp } from "./helpers";
import { newCredential } from "@/tests/factories/credential";
import { eventsOf } from "@/tests/factories/merchant";
import { linkRow } from "@/tests/factories/connect-link";

closeConnectionsAfterAll();
const inbox = smtpInboxForFile({
  APP_URL: "https://console.actenzo.test",
  INTAKE_REPLY_ADDRESS: "admin.access@actenzo.test",
});

describe("connect link lifecycle", () => {
  it("creates a 7-day link whose token is shown once and stored only as its sha-256", async () => {
    const { actor, user } = await createStaff();
    const merchant = await createEuMerchant();
    const link = await createConnectLink(actor, { merchantId: merchant.id });

    expect(link.url).toBe(`https://console.actenzo.test/connect/${link.token}`);
    expect(Buffer.from(link.token, "base64url")).toHaveLength(32);
    const days = (link.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);

    const row = await linkRow(link.id);
    expect(row).toMatchObject({ tokenHash: hashLinkToken(link.token), createdBy: user.id, attemptCount: 0 });
    const [found] = await sql`select count(*)::int as n from connect_links t where t::text like ${`%${link.token}%`}`;
    expect(found?.n).toBe(0);

    expect(await getConnectLinkContext(link.token)).toEqual({
      state: "valid",
      expiresAt: link.expiresAt,
      merchant: {
        company: merchant.company,
        shopName: merchant.shopName,
        cluster: "eu1",
        language: "nl",
        timeZone: merchant.timeZone,
      },
    });
    expect((await listConnectLinks(actor, merchant.id)).map((l) => [l.id, l.state])).toEqual([[link.id, "valid"]]);
    expect((await eventsOf(merchant.id, "connect_link")).map((e) => e.evidence?.action)).toEqual(["created"]);
  });

  it("emails the link to the merchant's contact when asked", async () => {
    const { actor } = await createStaff();
    const merchant = await createEuMerchant();
    const link = await createConnectLink(actor, { merchantId: merchant.id, emailMerchant: true });
    expect(link.emailedTo).toBe(merchant.contactEmail);
    const mail = await inbox.waitFor((m) => m.text?.includes(link.url) ?? false);
    expect(mail.to && "text" in mail.to ? mail.to.text : "").toContain(merchant.contactEmail);
    // A reply reaches the access mailbox on the merchant's own plus address (the intake matches it exactly).
    expect(mail.replyTo?.text).toBe(`admin.access+${merchant.id}@actenzo.test`);
    // In the shop's language (this merchant's is Dutch), like the reminders.
    expect(merchant.language).toBe("nl");
    expect(mail.subject).toBe(`${merchant.shopName} koppelen aan Actenzo: je beveiligde link`);
    expect(mail.text).toContain(`Hallo ${merchant.contactName},`);
  });

  it("an expired, revoked or unknown link says so, reveals no merchant and accepts nothing", async () => {
    const { actor } = await createStaff();
    const merchant = await createEuMerchant();
    const expired = await createConnectLink(actor, { merchantId: merchant.id });
    await sql`update connect_links set expires_at = now() - interval '1 minute' where id = ${expired.id}`;
    const revoked = await createConnectLink(actor, { merchantId: merchant.id });
    await revokeConnectLink(actor, { linkId: revoked.id });
    await revokeConnectLink(actor, { linkId: revoked.id }); // idempotent

    expect(await getConnectLinkContext(expired.token)).toEqual({ state: "expired" });
    expect(await getConnectLinkContext(revoked.token)).toEqual({ state: "revoked" });
    expect(await getConnectLinkContext("x".repeat(43))).toEqual({ state: "unknown" });
    expect(await getConnectLinkContext("not-a-token")).toEqual({ state: "unknown" });

    const pair = { key: newCredential(), secret: newCredential() };
    await expect(submitConnectCredentials(expired.token, pair, { ip: freshIp() })).rejects.toThrow(
      /This link has expired/,
    );
    await expect(submitConnectCredentials(revoked.token, pair, { ip: freshIp() })).rejects.toThrow(/no longer active/);
    await expect(submitConnectCredentials("x".repeat(43), pair, { ip: freshIp() })).rejects.toThrow(RuleViolationError);
    expect((await listConnectLinks(actor, merchant.id)).map((l) => l.state).sort()).toEqual(["expired", "revoked"]);
    const [stored] = await sql`select count(*)::int as n from merchant_credentials where merchant_id = ${merchant.id}`;
    expect(stored?.n).toBe(0);
  });

  it("a cancelled merchant's link stops working", async () => {
    const lead = await createStaff({ role: "lead" });
    const merchant = await createEuMerchant();
    const link = await createConnectLink(lead.actor, { merchantId: merchant.id });
    await cancelMerchant(lead.actor, { merchantId: merchant.id, reason: "Shop closed" });
    expect(await getConnectLinkContext(link.token)).toEqual({ state: "revoked" });
  });

  it("refuses malformed halves with field errors before recording anything", async () => {
    const { actor } = await createStaff();
    const merchant = await createEuMerchant();
    const link = await createConnectLink(actor, { merchantId: merchant.id });
    const error = await submitConnectCredentials(link.token, { key: "abc", secret: "" }, { ip: freshIp() }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual({
      key: ["The API key must be exactly 32 letters or digits; this one has 3."],
      secret: ["Enter the API secret."],
    });
    expect((await linkRow(link.id)).attemptCount).toBe(0);
  });
});
