import { beforeEach, describe, expect, it } from "vitest";
import { systemActor } from "@/lib/auth/actor";
import { sweepDueChecks } from "@/lib/key-health/sweep-due-checks";
import { completeStep } from "@/lib/onboarding";
import { doneSteps, eventsOf, readMerchant } from "@/tests/factories/merchant";
import { credentialOf, merchantWithPair, runsOf } from "@/tests/factories/credential";
import { drained, withWorkers, waitFor } from "@/tests/helpers/jobs";
import { grants, withSimulator } from "@/tests/helpers/simulator";
import { healthOf, makeDue, pauseOtherMonitoring } from "@/tests/factories/key-health";

const lightspeed = withSimulator();
withWorkers(["verification", "health"]);
beforeEach(pauseOtherMonitoring);

/** A merchant whose pair verified healthy and whose feed went live. */
async function liveMerchant() {
  const pair = await merchantWithPair(lightspeed);
  await waitFor(async () => (await healthOf(pair.merchant.id))?.state === "healthy", "the pair to verify");
  await drained("verification");
  await completeStep(systemActor("test"), { merchantId: pair.merchant.id, stage: "live" });
  return pair;
}

/** The due time comes: the sweep enqueues the check and a worker runs it. */
async function checkRound(merchantIds: string[], kind: "full" | "light") {
  await makeDue(merchantIds, kind);
  const { enqueued } = await sweepDueChecks();
  expect(enqueued).toBe(merchantIds.length);
  await drained("health");
}

describe("health monitoring of verified keys", () => {
  it("permission drift on a live merchant: one failed check waits, the confirming second opens the re-key flow and keeps the old pair", async () => {
    const { merchant, key, secret, credentialId } = await liveMerchant();
    lightspeed.sim.upsertKey({
      key,
      secret,
      shopId: 1001,
      enabled: true,
      permissions: grants({ orders: { write: false } }),
    });

    await checkRound([merchant.id], "full");
    const afterFirst = await healthOf(merchant.id);
    expect(afterFirst).toMatchObject({
      state: "permission_gap",
      consecutiveFailures: 1,
      alertOpen: false,
      missing: ["orders:write"],
    });
    // The confirmation is scheduled within minutes, not tomorrow.
    expect(afterFirst!.nextFullCheckAt!.getTime()).toBeLessThan(Date.now() + 20 * 60_000);
    expect(await eventsOf(merchant.id, "rekey_opened")).toHaveLength(0);
    expect(await doneSteps(merchant.id)).toContain("key_verified");

    await checkRound([merchant.id], "full");
    const reopened = await readMerchant(merchant.id);
    expect(reopened.ballInCourt).toBe("merchant");
    expect(reopened.merchantActionRequired).toBe(
      "The API key lost permissions. Tick these checkboxes on the key and save: Orders → Write.",
    );
    const steps = await doneSteps(merchant.id);
    expect(steps).toContain("live");
    expect(steps).not.toContain("key_verified");
    expect(steps).not.toContain("key_received");
    expect(await credentialOf(credentialId)).toMatchObject({ status: "active" });
    expect(await healthOf(merchant.id)).toMatchObject({
      state: "permission_gap",
      consecutiveFailures: 2,
      alertOpen: true,
    });

    // A third failing check does not open the flow again.
    await checkRound([merchant.id], "full");
    expect(await eventsOf(merchant.id, "rekey_opened")).toHaveLength(1);

    // The merchant ticks the box again: the next full check is healthy and closes the alert.
    lightspeed.sim.upsertKey({ key, secret, shopId: 1001, enabled: true, permissions: grants() });
    await checkRound([merchant.id], "full");
    expect(await healthOf(merchant.id)).toMatchObject({ state: "healthy", alertOpen: false, consecutiveFailures: 0 });
    expect((await eventsOf(merchant.id, "health_alert")).map((e) => e.evidence?.action)).toEqual(["rekey", "resolve"]);
  });

  it("a key disabled on a live merchant: rejected once is noted, rejected twice opens the re-key flow", async () => {
    const { merchant, key, secret } = await liveMerchant();
    lightspeed.sim.upsertKey({ key, secret, shopId: 1001, enabled: false, permissions: grants() });

    await checkRound([merchant.id], "light");
    expect(await healthOf(merchant.id)).toMatchObject({ state: "rejected", consecutiveFailures: 1, alertOpen: false });
    expect(await eventsOf(merchant.id, "rekey_opened")).toHaveLength(0);

    await checkRound([merchant.id], "light");
    expect(await eventsOf(merchant.id, "rekey_opened")).toHaveLength(1);
    expect((await readMerchant(merchant.id)).merchantActionRequired).toMatch(
      /no longer accepts the API key and secret/,
    );
  });

  it("platform errors for one merchant alert only after 2 consecutive failures, and never re-key", async () => {
    const { merchant, key, credentialId } = await liveMerchant();
    lightspeed.sim.injectFault({ kind: "status", status: 503, match: { apiKey: key } });

    await checkRound([merchant.id], "light");
    expect(await healthOf(merchant.id)).toMatchObject({
      state: "platform_error",
      consecutiveFailures: 1,
      alertOpen: false,
    });
    expect(await eventsOf(merchant.id, "health_alert")).toHaveLength(0);

    await checkRound([merchant.id], "light");
    expect(await healthOf(merchant.id)).toMatchObject({
      state: "platform_error",
      consecutiveFailures: 2,
      alertOpen: true,
    });
    const alerts = await eventsOf(merchant.id, "health_alert");
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.note).toBe("Lightspeed did not answer two checks in a row for this shop.");
    expect(await eventsOf(merchant.id, "rekey_opened")).toHaveLength(0);
    expect((await runsOf(credentialId)).filter((r) => r.trigger === "health").map((r) => r.verdict)).toEqual([
      "unreachable",
      "unreachable",
    ]);
  });
});
