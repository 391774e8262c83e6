import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { intakeMessages } from "@/db/schema";
import { keyFingerprint } from "@/lib/credentials/credential-input";
import { overrideEnv } from "@/lib/env";
import { assignIntakeMessage, pollMailbox } from "@/lib/intake";
import { createMerchant, doneSteps, eventsOf } from "@/tests/factories/merchant";
import { createStaff } from "@/tests/factories/staff";
import { closeQueuesAfterAll } from "@/tests/helpers/jobs";
import { TEST_ENV } from "@/tests/helpers/test-env";
import { deliver, withDovecot } from "./helpers";

const dovecot = withDovecot({ INTAKE_SECRET_REMOVAL: "delete" });
closeQueuesAfterAll();

const V2_ONLY = TEST_ENV.SECRETS_KEYRING.split(",").find((entry) => entry.startsWith("v2:"))!;
let restoreKeys: (() => void) | undefined;
const useKeys = (active: string, ring: string) => {
  restoreKeys?.();
  restoreKeys = overrideEnv({ SECRETS_ACTIVE_KEY: active, SECRETS_KEYRING: ring });
};
afterAll(() => restoreKeys?.());

/** `npm run secrets:rotate` as an operator runs it: its own process, with v2 active. */
function runRotation(): Promise<{ code: number | null; output: string }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--import", "./scripts/allow-server-only.mjs", "scripts/secrets-rotate.ts"],
    {
      env: { ...process.env, SECRETS_ACTIVE_KEY: "v2", SECRETS_KEYRING: TEST_ENV.SECRETS_KEYRING },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const chunks: string[] = [];
  child.stdout.on("data", (d: Buffer) => chunks.push(d.toString()));
  child.stderr.on("data", (d: Buffer) => chunks.push(d.toString()));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, output: chunks.join("") })));
}

describe("key rotation and triage mail", () => {
  it("re-seals a triage message's tokens: after the old key leaves the ring it is still assigned and recorded", async () => {
    const staff = await createStaff();
    const merchant = await createMerchant({ language: "fr" });
    const key = randomBytes(16).toString("hex");
    const subject = `Clé API ${randomBytes(3).toString("hex")}`;

    // Received while v1 was the active key: its tokens are sealed under v1.
    useKeys("v1", TEST_ENV.SECRETS_KEYRING);
    await deliver(dovecot.server, [
      { from: "Marc <marc.perso@laposte.test>", subject, text: `Bonjour,\nvoici la clé API : ${key}\nMarc` },
    ]);
    await pollMailbox();
    const [before] = await db.select().from(intakeMessages).where(eq(intakeMessages.subject, subject));
    expect(before).toMatchObject({ status: "triage" });
    expect(before!.tokensCiphertext).toMatch(/^v1\./);

    const { code, output } = await runRotation();
    expect(code, output).toBe(0);
    expect(output).toMatch(/Re-sealed under v2: [1-9]/);
    expect(output).not.toContain(key);

    // v1 retired: only v2 is left in the ring.
    useKeys("v2", V2_ONLY);
    const [after] = await db.select().from(intakeMessages).where(eq(intakeMessages.subject, subject));
    expect(after!.tokensCiphertext).toMatch(/^v2\./);
    expect(after!.tokensCiphertext).not.toContain(key);

    const applied = await assignIntakeMessage(staff.actor, { messageId: before!.id, merchant: merchant.shopDomain });
    expect(applied).toMatchObject({ recorded: ["key"], merchantId: merchant.id });
    expect(await doneSteps(merchant.id)).toContain("key_received");
    const [event] = await eventsOf(merchant.id, "credential_recorded");
    expect(event!.evidence).toMatchObject({ half: "key", via: "email", fingerprint: keyFingerprint(key) });
  }, 60_000);
});
