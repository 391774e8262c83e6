import { eq } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { closeDb, db } from "@/db/client";
import {
  keyHealth,
  merchantCredentials,
  merchantEvents,
  merchantSteps,
  merchants,
  staffUsers,
  verificationRuns,
} from "@/db/schema";
import { DEMO_STAFF, demoCredentials, seedDemo } from "@/scripts/seed/index";
import type { StaffActor } from "@/lib/auth/actor";
import { verifyPassword } from "@/lib/auth/password";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { resetEnvCache } from "@/lib/env";
import { ballInCourt, currentStage } from "@/lib/pipeline/rules";
import { STEPS, type Step } from "@/lib/pipeline/steps";
import { ADMIN_DB_URL, databaseUrl } from "@/tests/helpers/test-env";
import { loadDemoSimulatorFixture } from "@/scripts/seed/demo-simulator-fixture";
import { grantLabel } from "@/lib/lightspeed/coverage";
import { verify } from "@/lib/lightspeed/verify";
import { getVerificationHistory } from "@/lib/verification/get-verification-history";
import { startSimulator } from "@/tests/lightspeed-simulator";
import path from "node:path";
import { setBaseUrls } from "@/lib/lightspeed/client/base-url";

/**
 * The seed only runs on an empty database, so this file works on a database of its own (cloned
 * from the run's migrated template) instead of the worker's shared one.
 */
const dbName = `t_${inject("testRunId")}_seed_w${process.env.VITEST_POOL_ID ?? "1"}`;
const previousUrl = process.env.DATABASE_URL;
const now = new Date("2026-05-10T10:00:00Z");
let first: Awaited<ReturnType<typeof seedDemo>>;
let second: Awaited<ReturnType<typeof seedDemo>>;

beforeAll(async () => {
  const admin = postgres(ADMIN_DB_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${dbName}" with (force)`);
  await admin.unsafe(`create database "${dbName}" template "${inject("templateDatabase")}"`);
  await admin.end();
  await closeDb();
  process.env.DATABASE_URL = databaseUrl(dbName);
  resetEnvCache();
  // Two at once: the advisory lock lets exactly one of them seed.
  [first, second] = await Promise.all([seedDemo({ now }), seedDemo({ now })]);
}, 120_000);

afterAll(async () => {
  await closeDb();
  process.env.DATABASE_URL = previousUrl;
  resetEnvCache();
});

describe("seedDemo", () => {
  it("seeds an empty database once, even when started twice at the same time, and then leaves it alone", async () => {
    const outcomes = [first, second].map((r) => r.seeded).sort();
    expect(outcomes).toEqual([false, true]);
    const counts = async () => ({
      merchants: (await db.select().from(merchants)).length,
      events: (await db.select().from(merchantEvents)).length,
    });
    const before = await counts();
    expect(before.merchants).toBe(300);
    const third = await seedDemo({ now });
    expect(third).toMatchObject({ seeded: false });
    expect(await counts()).toEqual(before);
  });

  it("creates the demo team with working argon2id passwords", async () => {
    const staff = await db.select().from(staffUsers);
    for (const demo of DEMO_STAFF) {
      const row = staff.find((s) => s.email === demo.email);
      expect(row).toMatchObject({ role: demo.role, active: true });
      expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
      expect(await verifyPassword(row!.passwordHash!, demo.password)).toBe(true);
    }
  });

  it("spreads merchants over every step, with holds, cancellations, unassigned ones and all three specialists", async () => {
    const rows = await db.select().from(merchants);
    const current = new Set(rows.map((m) => m.currentStage));
    for (const stage of STEPS.slice(1)) expect(current, stage).toContain(stage);
    expect(current).toContain(null); // fully live
    expect(rows.filter((m) => m.onHold).length).toBeGreaterThanOrEqual(5);
    expect(rows.filter((m) => m.cancelledAt).length).toBeGreaterThanOrEqual(2);
    expect(rows.filter((m) => m.specialistId === null).length).toBeGreaterThanOrEqual(10);
    expect(rows.filter((m) => m.merchantActionRequired).length).toBeGreaterThanOrEqual(3);
    expect(new Set(rows.map((m) => m.specialistId).filter(Boolean)).size).toBe(3);
    expect(
      rows.filter((m) => m.cluster === "us1").every((m) => m.country === "US" && ["us", "en"].includes(m.language)),
    ).toBe(true);
    expect(rows.filter((m) => ["NL", "BE", "DE"].includes(m.country)).length / rows.length).toBeGreaterThan(0.6);
    expect(new Set(rows.map((m) => m.language))).toEqual(new Set(["nl", "de", "fr", "en", "us"]));
  });

  it("keeps every merchant's stored columns consistent with its steps, events and the stage rules", async () => {
    const [rows, steps, events] = await Promise.all([
      db.select().from(merchants),
      db.select().from(merchantSteps),
      db.select().from(merchantEvents),
    ]);
    const stepsOf = byMerchant(steps);
    const eventsOf = byMerchant(events);
    for (const m of rows) {
      const done: Step[] = (stepsOf.get(m.id) ?? []).map((s) => s.stage);
      const history = eventsOf.get(m.id) ?? [];
      expect(m.currentStage).toBe(currentStage(done));
      expect(m.ballInCourt).toBe(m.cancelledAt ? null : ballInCourt(done, m.merchantActionRequired));
      expect(done).toContain("signed_up");
      expect(m.stageEnteredAt.getTime()).toBeGreaterThanOrEqual(m.createdAt.getTime());
      expect(m.lastActivityAt.getTime()).toBe(Math.max(...history.map((e) => e.createdAt.getTime())));
      expect(m.lastActivityAt.getTime()).toBeLessThan(now.getTime());
      // Every done step has the completion event it came from (same time, same actor).
      for (const step of stepsOf.get(m.id) ?? []) {
        const event = history.find(
          (e) =>
            (e.type === "stage_completed" || e.type === "signed_up") &&
            e.stage === step.stage &&
            e.createdAt.getTime() === step.completedAt.getTime(),
        );
        expect(event, `${m.shopDomain} ${step.stage}`).toBeDefined();
        expect(event!.actorId).toBe(step.completedBy);
      }
    }
    // Believable histories: events spread over weeks, several per merchant.
    const span =
      Math.max(...events.map((e) => e.createdAt.getTime())) - Math.min(...events.map((e) => e.createdAt.getTime()));
    expect(span).toBeGreaterThan(30 * 86_400_000);
    expect(events.length / rows.length).toBeGreaterThan(4);
  });

  it("stores the demo keys encrypted, matching each merchant's key steps", async () => {
    const rows = await db
      .select({ merchant: merchants, credential: merchantCredentials })
      .from(merchantCredentials)
      .innerJoin(merchants, eq(merchants.id, merchantCredentials.merchantId));
    const steps = await db.select().from(merchantSteps);
    const has = (id: string, stage: Step) => steps.some((s) => s.merchantId === id && s.stage === stage);
    expect(rows.length).toBeGreaterThan(50);
    // Every verified pair is under health monitoring, like a pair verified through the engine.
    const monitored = await db.select().from(keyHealth);
    expect(monitored.map((h) => h.credentialId).sort()).toEqual(
      rows
        .filter((r) => r.credential.status === "active")
        .map((r) => r.credential.id)
        .sort(),
    );
    for (const { merchant, credential } of rows) {
      expect(credential.keyCiphertext !== null).toBe(has(merchant.id, "key_received"));
      expect(credential.secretCiphertext !== null).toBe(has(merchant.id, "secret_received"));
      expect(credential.status === "active").toBe(has(merchant.id, "key_verified"));
      const expected = demoCredentials(merchant.shopDomain);
      if (credential.keyCiphertext)
        expect(decryptSecret(credential.keyCiphertext, { credentialId: credential.id, half: "key" })).toBe(
          expected.key,
        );
      if (credential.secretCiphertext) {
        expect(credential.secretCiphertext).not.toContain(expected.secret);
        expect(decryptSecret(credential.secretCiphertext, { credentialId: credential.id, half: "secret" })).toBe(
          expected.secret,
        );
      }
    }
  });

  it("shows, for every verified or rejected pair, the verification run the timeline tells of", async () => {
    const pairs = await db
      .select({ merchant: merchants, credential: merchantCredentials })
      .from(merchantCredentials)
      .innerJoin(merchants, eq(merchants.id, merchantCredentials.merchantId));
    const [lead] = await db.select().from(staffUsers).where(eq(staffUsers.email, "lead@actenzo.test"));
    const actor: StaffActor = { kind: "staff", id: lead!.id, email: lead!.email, name: lead!.name, role: lead!.role };
    const verifications = await db.select().from(merchantEvents).where(eq(merchantEvents.type, "verification"));
    const storedRuns = await db.select().from(verificationRuns);
    const rejected = pairs.filter((p) => p.credential.status === "rejected");
    const active = pairs.filter((p) => p.credential.status === "active");
    expect(rejected.length).toBeGreaterThan(3);
    expect(active.length).toBeGreaterThan(10);

    for (const { merchant, credential } of [...rejected, ...active]) {
      // What the workspace's "Verification runs" card shows, next to the timeline's event.
      const history = await getVerificationHistory(actor, { merchantId: merchant.id });
      const event = verifications.find((e) => e.merchantId === merchant.id);
      expect(history, merchant.shopDomain).toHaveLength(1);
      const run = history[0]!;
      expect(run).toMatchObject({
        kind: "full",
        trigger: "halves_complete",
        requests: 8,
        createdAt: event!.createdAt,
        keyFingerprint: credential.keyFingerprint,
        cluster: merchant.cluster,
      });
      expect(run.durationMs).toBeGreaterThan(0);
      expect(run.rateLimit?.remaining).toEqual([292, 2992, 11992]);
      const grants = storedRuns.find((r) => r.id === run.id)!.grants!;
      const denied = Object.entries(grants).flatMap(([group, g]) =>
        (["read", "write"] as const).filter((a) => g[a] !== true).map((a) => `${group}:${a}`),
      );
      expect(denied).toEqual(run.missing);
      if (credential.status === "active") {
        expect(run.verdict, merchant.shopDomain).toBe("healthy");
        expect(run.missing).toEqual([]);
      } else {
        // The checkboxes the merchant is asked to tick are exactly the run's missing grants.
        const asked = [...merchant.merchantActionRequired!.matchAll(/([A-Z][a-z]+) → (Read|Write)/g)].map((m) => m[0]);
        expect(asked.length, merchant.shopDomain).toBeGreaterThan(0);
        expect(credential.rejectionReason).toBe(merchant.merchantActionRequired);
        expect(run.verdict, merchant.shopDomain).toBe("incomplete_permissions");
        expect(run.missing.map(grantLabel)).toEqual(asked);
        expect(event!.evidence).toMatchObject({ verdict: "incomplete_permissions", missing: run.missing });
      }
    }
    // Pairs still collecting or awaiting their first verification have no run yet.
    expect(storedRuns.length).toBe(rejected.length + active.length);
  });
});

describe("the demo's simulator fixture", () => {
  it("gives every verified demo merchant a working key and reproduces the missing checkboxes of the others", async () => {
    const fixture = await loadDemoSimulatorFixture(
      path.join(process.cwd(), "tests/lightspeed-simulator/fixtures/demo.json"),
    );
    const sim = await startSimulator({ fixture });
    setBaseUrls({ eu1: sim.eu1Url, us1: sim.us1Url });
    try {
      const rows = await db.select().from(merchants);
      const steps = await db.select().from(merchantSteps);
      const verified = rows.filter((m) => steps.some((s) => s.merchantId === m.id && s.stage === "key_verified"));
      const gaps = rows.filter((m) => m.merchantActionRequired?.startsWith("Tick these checkboxes") && !m.cancelledAt);
      expect(verified.length).toBeGreaterThan(10);
      expect(gaps.length).toBeGreaterThan(0);

      for (const m of [
        ...verified.filter((v) => v.cluster === "eu1").slice(0, 2),
        ...verified.filter((v) => v.cluster === "us1").slice(0, 1),
      ]) {
        const result = await verify({ ...demoCredentials(m.shopDomain), language: m.language });
        expect(result, m.shopDomain).toMatchObject({ verdict: "healthy", cluster: m.cluster });
      }
      const gap = gaps[0]!;
      const result = await verify({ ...demoCredentials(gap.shopDomain), language: gap.language, cluster: gap.cluster });
      expect(result.verdict).toBe("incomplete_permissions");
      const labels = result.missing.map((g) => g.split(":")[0]!);
      for (const label of labels) expect(gap.merchantActionRequired!.toLowerCase()).toContain(label);
    } finally {
      setBaseUrls({});
      await sim.close();
    }
  });
});

/** Map.groupBy is Node 21+; we run on 20. */
function byMerchant<T extends { merchantId: string }>(rows: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(row.merchantId, [...(map.get(row.merchantId) ?? []), row]);
  return map;
}
