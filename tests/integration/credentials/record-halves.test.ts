import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { activateCredential, getCredentialSummary, markCredentialRejected } from "@/lib/credentials";
import { recordKeyHalf, recordSecretHalf } from "@/lib/verification";
import { RuleViolationError, ValidationError } from "@/lib/errors";
import { cancelMerchant } from "@/lib/onboarding";
import { createMerchant, eventsOf, stepOf } from "@/tests/factories/merchant";
import { createStaff } from "@/tests/factories/staff";
import { closeQueuesAfterAll, verifyJobsFor } from "@/tests/helpers/jobs";
import { credentialRow, credentialsOf, newCredential } from "@/tests/factories/credential";

closeQueuesAfterAll();

describe("recording the key and the secret", () => {
  it("key first, then secret: each completes its step, and the complete pair is queued once", async () => {
    const { actor } = await createStaff();
    const merchant = await createMerchant();
    const key = newCredential();
    const secret = newCredential();
    const receivedAt = new Date("2025-02-03T09:15:00Z");

    const first = await recordKeyHalf(actor, { merchantId: merchant.id, key: `  ${key}\n`, receivedAt });
    expect(first.complete).toBe(false);
    const keyStep = await stepOf(merchant.id, "key_received");
    expect(keyStep?.evidence).toMatchObject({
      receivedAt: receivedAt.toISOString(),
      fingerprint: `${key.slice(0, 4)}…${key.slice(-4)}`,
    });
    expect(await stepOf(merchant.id, "secret_received")).toBeNull();
    expect(await verifyJobsFor(first.credentialId)).toHaveLength(0);

    const second = await recordSecretHalf(actor, { merchantId: merchant.id, secret });
    expect(second).toEqual({ credentialId: first.credentialId, complete: true });
    const secretStep = await stepOf(merchant.id, "secret_received");
    expect(Object.keys(secretStep?.evidence ?? {}).sort()).toEqual(["receivedAt", "via"]);
    expect(JSON.stringify(secretStep?.evidence)).not.toContain(secret);

    const jobs = await verifyJobsFor(first.credentialId);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.data).toEqual({ credentialId: first.credentialId, trigger: "halves_complete" });

    const summary = await getCredentialSummary(actor, merchant.id);
    expect(summary.active).toBeNull();
    expect(summary.pending).toMatchObject({
      status: "verifying",
      hasKey: true,
      hasSecret: true,
      keyFingerprint: `${key.slice(0, 4)}…${key.slice(-4)}`,
    });
    expect(JSON.stringify(summary)).not.toContain(secret);
    expect((await eventsOf(merchant.id, "credential_recorded")).map((e) => e.stage)).toEqual([
      "key_received",
      "secret_received",
    ]);
  });

  it("secret first, then key: the same pair, the same result", async () => {
    const { actor } = await createStaff();
    const merchant = await createMerchant();
    const first = await recordSecretHalf(actor, { merchantId: merchant.id, secret: newCredential() });
    expect(first.complete).toBe(false);
    expect((await getCredentialSummary(actor, merchant.id)).pending).toMatchObject({
      status: "collecting",
      hasKey: false,
      hasSecret: true,
      keyFingerprint: null,
    });
    const second = await recordKeyHalf(actor, { merchantId: merchant.id, key: newCredential() });
    expect(second).toEqual({ credentialId: first.credentialId, complete: true });
    expect(await stepOf(merchant.id, "key_received")).not.toBeNull();
    expect(await stepOf(merchant.id, "secret_received")).not.toBeNull();
    expect(await credentialsOf(merchant.id)).toHaveLength(1);
    expect(await verifyJobsFor(first.credentialId)).toHaveLength(1);
  });

  it("refuses a malformed half with a clear message on the field, storing nothing", async () => {
    const { actor } = await createStaff();
    const merchant = await createMerchant();
    const short = newCredential().slice(0, 30);
    const error = await recordKeyHalf(actor, { merchantId: merchant.id, key: short }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.key).toEqual([
      "The API key must be exactly 32 letters or digits; this one has 30.",
    ]);
    expect(String((error as Error).message)).not.toContain(short);

    const dashed = await recordSecretHalf(actor, {
      merchantId: merchant.id,
      secret: `${newCredential().slice(0, 31)}-`,
    }).catch((e: unknown) => e);
    expect((dashed as ValidationError).fieldErrors.secret?.[0]).toMatch(/only contain letters and digits/);

    const future = await recordKeyHalf(actor, {
      merchantId: merchant.id,
      key: newCredential(),
      receivedAt: new Date(Date.now() + 86_400_000),
    }).catch((e: unknown) => e);
    expect((future as ValidationError).fieldErrors.receivedAt).toEqual(["The received date cannot be in the future."]);

    expect(await credentialsOf(merchant.id)).toHaveLength(0);
    expect(await stepOf(merchant.id, "key_received")).toBeNull();
  });

  it("a new key while a pair is active starts a pending pair; the active one stays until the new one verifies", async () => {
    const { actor } = await createStaff();
    const merchant = await createMerchant();
    const old = await recordKeyHalf(actor, { merchantId: merchant.id, key: newCredential() });
    await recordSecretHalf(actor, { merchantId: merchant.id, secret: newCredential() });
    await db.transaction((tx) => activateCredential(tx, old.credentialId, { cluster: "eu1" }));

    const fresh = await recordKeyHalf(actor, { merchantId: merchant.id, key: newCredential() });
    expect(fresh.credentialId).not.toBe(old.credentialId);
    let summary = await getCredentialSummary(actor, merchant.id);
    expect(summary.active).toMatchObject({ id: old.credentialId, status: "active", cluster: "eu1" });
    expect(summary.pending).toMatchObject({ id: fresh.credentialId, status: "collecting", hasSecret: false });

    await recordSecretHalf(actor, { merchantId: merchant.id, secret: newCredential() });
    await db.transaction((tx) => activateCredential(tx, fresh.credentialId));
    summary = await getCredentialSummary(actor, merchant.id);
    expect(summary.active?.id).toBe(fresh.credentialId);
    expect(summary.pending).toBeNull();
    expect((await credentialRow(old.credentialId)).status).toBe("superseded");
  });

  it("after a rejection, a new key starts a fresh pair without the old secret; a lone new secret keeps the key", async () => {
    const { actor } = await createStaff();
    const merchant = await createMerchant();
    const key = newCredential();
    const rejected = await recordKeyHalf(actor, { merchantId: merchant.id, key });
    await recordSecretHalf(actor, { merchantId: merchant.id, secret: newCredential() });
    await db.transaction((tx) =>
      markCredentialRejected(tx, rejected.credentialId, "This key and secret were rejected by Lightspeed."),
    );
    expect((await getCredentialSummary(actor, merchant.id)).pending).toMatchObject({
      status: "rejected",
      rejectionReason: "This key and secret were rejected by Lightspeed.",
    });

    // A corrected secret for the same key: a fresh pair that keeps the key, complete at once.
    const corrected = await recordSecretHalf(actor, { merchantId: merchant.id, secret: newCredential() });
    expect(corrected.complete).toBe(true);
    expect((await credentialRow(corrected.credentialId)).keyFingerprint).toBe(`${key.slice(0, 4)}…${key.slice(-4)}`);
    expect((await credentialRow(rejected.credentialId)).status).toBe("superseded");

    // A new key: its own secret must follow.
    await db.transaction((tx) =>
      markCredentialRejected(tx, corrected.credentialId, "Tick these checkboxes: Orders → Write"),
    );
    const newKey = await recordKeyHalf(actor, { merchantId: merchant.id, key: newCredential() });
    expect(newKey.complete).toBe(false);
    expect((await getCredentialSummary(actor, merchant.id)).pending).toMatchObject({
      id: newKey.credentialId,
      status: "collecting",
      hasKey: true,
      hasSecret: false,
    });
  });

  it("a late activation cannot revive a pair that was replaced meanwhile", async () => {
    const { actor } = await createStaff();
    const merchant = await createMerchant();
    const first = await recordKeyHalf(actor, { merchantId: merchant.id, key: newCredential() });
    await recordSecretHalf(actor, { merchantId: merchant.id, secret: newCredential() });
    await recordKeyHalf(actor, { merchantId: merchant.id, key: newCredential() });
    await expect(db.transaction((tx) => activateCredential(tx, first.credentialId))).rejects.toThrow(
      RuleViolationError,
    );
  });

  it("refuses credentials for a cancelled merchant", async () => {
    const lead = await createStaff({ role: "lead" });
    const merchant = await createMerchant();
    await cancelMerchant(lead.actor, { merchantId: merchant.id, reason: "Closed the shop" });
    await expect(recordKeyHalf(lead.actor, { merchantId: merchant.id, key: newCredential() })).rejects.toThrow(
      RuleViolationError,
    );
    expect(await credentialsOf(merchant.id)).toHaveLength(0);
  });
});
