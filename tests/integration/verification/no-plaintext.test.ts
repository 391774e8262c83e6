import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "@/lib/auth/actor";
import { sweepDueChecks } from "@/lib/key-health/sweep-due-checks";
import { setLogSink } from "@/lib/logger";
import { completeStep } from "@/lib/onboarding";
import { requestVerification } from "@/lib/verification";
import { drained, withWorkers, waitFor } from "@/tests/helpers/jobs";
import { grants, randomCredential, withSimulator } from "@/tests/helpers/simulator";
import { healthOf, makeDue, pauseOtherMonitoring } from "@/tests/factories/key-health";
import { merchantWithPair, runsOf } from "@/tests/factories/credential";
import { databaseText, redisText } from "./plaintext-scan";

const lightspeed = withSimulator();
withWorkers(["verification", "health"]);
const logLines: string[] = [];
let restoreSink: () => void;
beforeAll(() => {
  restoreSink = setLogSink((line) => logLines.push(line));
});
afterAll(() => restoreSink());

describe("no plaintext key or secret at rest", () => {
  it("after a full flow, the database, Redis (job data included) and the logs hold neither", async () => {
    await pauseOtherMonitoring();
    const healthy = await merchantWithPair(lightspeed);
    const rejected = await merchantWithPair(lightspeed, { wrongSecret: randomCredential() });
    const gap = await merchantWithPair(lightspeed, { permissions: grants({ orders: { write: false } }) });
    for (const m of [healthy, rejected, gap])
      await waitFor(async () => (await runsOf(m.credentialId)).length, "the first runs");
    await drained("verification");
    await completeStep(systemActor("test"), { merchantId: healthy.merchant.id, stage: "live" });

    await requestVerification(healthy.staff.actor, { merchantId: healthy.merchant.id });
    await requestVerification(gap.staff.actor, { merchantId: gap.merchant.id });
    await drained("verification");
    await makeDue([healthy.merchant.id], "light");
    await sweepDueChecks();
    await drained("health");
    await makeDue([healthy.merchant.id], "full");
    await sweepDueChecks();
    await drained("health");
    expect(await healthOf(healthy.merchant.id)).toMatchObject({ state: "healthy" });
    expect((await runsOf(healthy.credentialId)).map((r) => r.trigger)).toEqual([
      "halves_complete",
      "verify_now",
      "health",
      "health",
    ]);

    const secrets = [healthy, rejected, gap].flatMap((m) => [m.key, m.secret]);
    const database = await databaseText();
    const store = await redisText();
    const logs = logLines.join("\n");

    // The scans covered what matters: ciphertext columns, BullMQ job data, the workers' logs.
    expect(database.columns).toEqual(
      expect.arrayContaining([
        "merchant_credentials.secret_ciphertext",
        "verification_runs.grants",
        "merchant_events.evidence",
        "audit_log.details",
      ]),
    );
    expect(store.keys.some((k) => k.includes(`verify-key.${healthy.credentialId}`))).toBe(true);
    expect(store.text).toContain(healthy.credentialId);
    expect(logs).toContain("verification recorded");
    for (const secret of secrets) {
      expect(database.text).not.toContain(secret);
      expect(store.text).not.toContain(secret);
      expect(logs).not.toContain(secret);
    }
  }, 60_000);
});
