import path from "node:path";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignIntakeMessage, pollMailbox } from "@/lib/intake";
import { setLogSink } from "@/lib/logger";
import { createMerchant } from "@/tests/factories/merchant";
import { createStaff } from "@/tests/factories/staff";
import { runsOf } from "@/tests/factories/credential";
import { drained, waitFor, withWorkers } from "@/tests/helpers/jobs";
import { withSimulator } from "@/tests/helpers/simulator";
import { databaseText, filesText, redisText } from "../verification/plaintext-scan";
import { eventsOf } from "@/tests/factories/merchant";
import { deliver, onboardedMerchant, withDovecot } from "./helpers";

const lightspeed = withSimulator();
withWorkers(["verification"]);
const logLines: string[] = [];
let restoreSink: () => void;
beforeAll(() => {
  restoreSink = setLogSink((line) => logLines.push(line));
});
afterAll(() => restoreSink());

describe.each(["redact", "delete"] as const)("no plaintext secret after the intake (%s)", (mode) => {
  const dovecot = withDovecot({ INTAKE_SECRET_REMOVAL: mode, LOG_LEVEL: "debug" });

  it("the database, Redis (job data too), the logs and every mailbox folder hold no secret", async () => {
    const merchant = await onboardedMerchant();
    const pair = lightspeed.addKey();
    const stranger = await createMerchant();
    const strangerSecret = randomBytes(16).toString("hex");
    await deliver(dovecot.server, [
      { from: merchant.contactEmail, subject: "Both", text: `API key: ${pair.key}\nAPI secret: ${pair.secret}` },
      // Re-sent, quoted in a reply: the repeated secret must leave the mailbox too.
      {
        from: merchant.contactEmail,
        subject: "Re: Both",
        text: `Did it arrive?\n\nOn Mon, 2 Nov 2026 at 09:00, Anne wrote:\n> API secret: ${pair.secret}`,
      },
      { from: "someone@unknown.test", subject: "secret", text: `Het geheim: ${strangerSecret}` },
    ]);
    await pollMailbox();
    const [recorded] = await eventsOf(merchant.id, "credential_recorded");
    const credentialId = String(recorded!.evidence!.credentialId);
    await waitFor(async () => (await runsOf(credentialId)).length, "the verification run");
    await drained();
    const staff = await createStaff();
    const { listTriage } = await import("@/lib/intake");
    const triage = (await listTriage(staff.actor)).find((m) => m.fromAddress === "someone@unknown.test");
    await assignIntakeMessage(staff.actor, { messageId: triage!.id, merchant: stranger.shopDomain });

    const secrets = [pair.secret, strangerSecret];
    const database = await databaseText();
    const store = await redisText();
    const mailbox = filesText(path.join(dovecot.server.dir, "mail"));
    const logs = logLines.join("\n");
    // The scans covered what matters: the intake table, the job data, the mailbox's folders.
    expect(database.columns).toEqual(
      expect.arrayContaining(["intake_messages.redacted_body", "intake_messages.tokens_ciphertext"]),
    );
    expect(store.text).toContain(credentialId);
    expect(mailbox.files.some((f) => f.includes(`${path.sep}.Processed${path.sep}`))).toBe(true);
    for (const secret of secrets) {
      expect(database.text).not.toContain(secret);
      expect(store.text).not.toContain(secret);
      expect(logs).not.toContain(secret);
      expect(mailbox.text).not.toContain(secret);
    }
  }, 60_000);
});
