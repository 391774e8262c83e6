import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { intakeMessages } from "@/db/schema";
import { systemActor } from "@/lib/auth/actor";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { assignIntakeMessage, countTriage, dismissIntakeMessage, listTriage, pollMailbox } from "@/lib/intake";
import { createMerchant } from "@/tests/factories/merchant";
import { createStaff } from "@/tests/factories/staff";
import { doneSteps, eventsOf } from "@/tests/factories/merchant";
import { deliver, folderSubjects, withDovecot } from "./helpers";

const dovecot = withDovecot({ INTAKE_SECRET_REMOVAL: "delete" });
const token = () => randomBytes(16).toString("hex");

async function triageRow(subject: string) {
  const rows = await db.select().from(intakeMessages).where(eq(intakeMessages.subject, subject));
  return rows[0];
}

describe("triage of unmatched mail", () => {
  it("an unknown sender's key lands in triage, redacted; assigned, the key is recorded for the merchant", async () => {
    const staff = await createStaff();
    const merchant = await createMerchant({ language: "de" });
    const key = token();
    const subject = `API-Schlüssel ${randomBytes(3).toString("hex")}`;
    await deliver(dovecot.server, [
      { from: "Jonas <jonas.privat@gmx.test>", subject, text: `Hallo,\nunser API-Schlüssel: ${key}\nGruß Jonas` },
    ]);
    await pollMailbox();

    const row = await triageRow(subject);
    expect(row).toMatchObject({ status: "triage", fromAddress: "jonas.privat@gmx.test", removal: "removed" });
    expect(row!.triageReason).toMatch(/Unknown sender/);
    expect(row!.redactedBody).toContain("unser API-Schlüssel: [hidden: 32 letters or digits]");
    expect(row!.tokensCiphertext).not.toContain(key);
    // Deleted from the mailbox outright (INTAKE_SECRET_REMOVAL=delete): no copy anywhere.
    expect(await folderSubjects(dovecot.server, "INBOX")).not.toContain(subject);
    expect(await folderSubjects(dovecot.server, "Removed")).not.toContain(subject);

    const listed = await listTriage(staff.actor);
    const item = listed.find((m) => m.id === row!.id);
    expect(item).toMatchObject({ subject, hasTokens: true });
    expect(JSON.stringify(listed)).not.toContain(key);
    expect(await countTriage(staff.actor)).toBeGreaterThanOrEqual(1);

    await expect(assignIntakeMessage(staff.actor, { messageId: row!.id, merchant: "nobody.test" })).rejects.toThrow(
      ValidationError,
    );
    const applied = await assignIntakeMessage(staff.actor, { messageId: row!.id, merchant: merchant.shopDomain });
    expect(applied).toMatchObject({ recorded: ["key"], merchantId: merchant.id });
    expect(await doneSteps(merchant.id)).toContain("key_received");
    const [event] = await eventsOf(merchant.id, "credential_recorded");
    expect(event!.evidence).toMatchObject({ half: "key", via: "email", from: "jonas.privat@gmx.test" });
    expect(await triageRow(subject)).toMatchObject({
      status: "assigned",
      tokensCiphertext: null,
      resolvedBy: staff.actor.id,
    });
    await expect(
      assignIntakeMessage(staff.actor, { messageId: row!.id, merchant: merchant.shopDomain }),
    ).rejects.toThrow(ConflictError);
  });

  it("two merchants on one contact email is ambiguous; 'not relevant' closes a message", async () => {
    const staff = await createStaff();
    const shared = `info-${randomBytes(3).toString("hex")}@group.test`;
    await createMerchant({ contactEmail: shared });
    await createMerchant({ contactEmail: shared });
    const subject = `Vraag ${randomBytes(3).toString("hex")}`;
    await deliver(dovecot.server, [{ from: shared, subject, text: "Wanneer gaat de koppeling live?" }]);
    await pollMailbox();
    const row = await triageRow(subject);
    expect(row).toMatchObject({ status: "triage", removal: "processed" });
    expect(row!.triageReason).toBe("2 merchants have this contact email.");
    expect(await folderSubjects(dovecot.server, "Processed")).toContain(subject);

    await expect(dismissIntakeMessage(systemActor("x"), { messageId: row!.id })).rejects.toThrow(ForbiddenError);
    await dismissIntakeMessage(staff.actor, { messageId: row!.id });
    expect(await triageRow(subject)).toMatchObject({ status: "dismissed" });
    expect((await listTriage(staff.actor)).some((m) => m.id === row!.id)).toBe(false);
  });
});
