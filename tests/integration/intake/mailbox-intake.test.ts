import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, intakeMessages } from "@/db/schema";
import { pollMailbox } from "@/lib/intake/poll-mailbox";
import { doneSteps, eventsOf } from "@/tests/factories/merchant";
import { credentialOf, runsOf } from "@/tests/factories/credential";
import { drained, waitFor, withWorkers } from "@/tests/helpers/jobs";
import { withSimulator } from "@/tests/helpers/simulator";
import { deliver, folderSubjects, onboardedMerchant, withDovecot } from "./helpers";

const lightspeed = withSimulator();
withWorkers(["verification"]);
const dovecot = withDovecot();

describe("the access mailbox intake", () => {
  it.each(["key-first", "secret-first"] as const)(
    "key and secret in two emails (%s): both recorded, the pair verified, the secret mail gone from the inbox",
    async (order) => {
      const merchant = await onboardedMerchant();
      const pair = lightspeed.addKey();
      const keyMail = {
        from: `Sanne <${merchant.contactEmail}>`,
        subject: "API key",
        text: `Hallo,\n\nHierbij de API-sleutel: ${pair.key}\n\nGroet, Sanne`,
      };
      const secretMail = {
        from: merchant.contactEmail,
        subject: "API secret",
        text: `En het geheim:\n${pair.secret}\n`,
      };
      await deliver(dovecot.server, [order === "key-first" ? keyMail : secretMail]);
      await pollMailbox();
      await deliver(dovecot.server, [order === "key-first" ? secretMail : keyMail]);
      await pollMailbox();

      const steps = await doneSteps(merchant.id);
      expect(steps).toEqual(expect.arrayContaining(["key_received", "secret_received"]));
      const recorded = await eventsOf(merchant.id, "credential_recorded");
      expect(recorded.map((e) => e.evidence)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            half: "key",
            via: "email",
            from: merchant.contactEmail,
            fingerprint: expect.any(String),
          }),
          expect.objectContaining({ half: "secret", via: "email", from: merchant.contactEmail }),
        ]),
      );
      const credentialId = String(recorded[0]!.evidence!.credentialId);
      await waitFor(async () => (await runsOf(credentialId)).length, "the verification run");
      await drained();
      expect(await credentialOf(credentialId)).toMatchObject({ status: "active" });
      expect(await doneSteps(merchant.id)).toContain("key_verified");

      // The inbox is empty; the key mail is in Processed; the secret mail only as a redacted copy.
      expect(await folderSubjects(dovecot.server, "INBOX")).toEqual([]);
      expect(await folderSubjects(dovecot.server, "Processed")).toContain("API key");
      expect(await folderSubjects(dovecot.server, "Removed")).toContain("API secret");
      const removals = await db.select().from(auditLog).where(eq(auditLog.action, "intake.secret_removed"));
      expect(removals.some((r) => (r.details as { merchantId?: string }).merchantId === merchant.id)).toBe(true);
    },
  );

  it("a reply without a token is 'the merchant replied' on the timeline; the reply address matches exactly", async () => {
    const merchant = await onboardedMerchant();
    await deliver(dovecot.server, [
      {
        from: "someone-else@gmail.test",
        to: `admin.access+${merchant.id}@actenzo.test`,
        subject: "Re: Your Lightspeed access",
        text: "Thanks, we will do it tomorrow.\n\nOn Mon, 2 Nov 2026 at 09:00, Actenzo wrote:\n> Please send the key",
      },
    ]);
    await pollMailbox();
    const replies = await eventsOf(merchant.id, "merchant_replied");
    expect(replies).toHaveLength(1);
    const [row] = await db.select().from(intakeMessages).where(eq(intakeMessages.merchantId, merchant.id));
    expect(row).toMatchObject({ status: "processed", matchedBy: "reply_address", removal: "processed" });
  });
});
