import type { BusinessCalendar } from "@/lib/sla/calendar";
import { clockIntervals } from "@/lib/sla/intervals";
import { openStepSla } from "@/lib/sla/open-step-sla";
import type { SlaPolicy } from "@/lib/sla/policy";
import type { Step } from "@/lib/pipeline/steps";
import { loadAgencyCalendar, loadSlaPolicies } from "@/lib/sla/sla-context";
import { count, inArray, sql as dsql } from "drizzle-orm";
import { db } from "@/db/client";
import { auditLog, merchantEvents, merchantSteps, merchants, staffUsers } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { AUDIT_ACTIONS, buildDemoMerchants, type DemoMerchant } from "./build-demo-data";
import { DEMO_STAFF, type DemoStaff } from "./demo-staff";
import { insertCredentials } from "./seed-credentials";
import { insertVerificationRuns } from "./seed-verification-runs";

export type SeedDemoOptions = {
  /** How many merchants (default 300). */
  count?: number;
  /** PRNG seed: the same seed gives the same shops and histories. */
  seed?: number;
  /** "Now" for the histories (tests pin it). */
  now?: Date;
};

export type SeedDemoResult =
  | { seeded: false; reason: string; staff: readonly DemoStaff[] }
  | {
      seeded: true;
      merchants: number;
      events: number;
      steps: number;
      credentials: number;
      verificationRuns: number;
      staff: readonly DemoStaff[];
      staffCreated: string[];
    };

const CHUNK = 1000;
async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/**
 * Demo data: the demo team and a few hundred wine merchants spread over every step. Seeds only
 * an empty database (no merchants), under an advisory lock, in one transaction, so running it
 * twice, or twice at once, seeds once. Rows are bulk-inserted with backdated timestamps; the
 * derived columns come from replaying each history through the stage machine's rules.
 */
export async function seedDemo(options: SeedDemoOptions = {}): Promise<SeedDemoResult> {
  const now = options.now ?? new Date();
  // Hash before the transaction: argon2id is deliberately slow.
  const hashes = await Promise.all(DEMO_STAFF.map((s) => hashPassword(s.password)));

  return db.transaction(async (tx) => {
    // A one-off bulk load, not a request: lift the app role's statement and lock bounds, so a
    // second seeder waits for the first instead of timing out.
    await tx.execute(dsql`set local statement_timeout = 0`);
    await tx.execute(dsql`set local lock_timeout = 0`);
    await tx.execute(dsql`select pg_advisory_xact_lock(hashtext('actenzo:demo-seed'))`);
    const [existing] = await tx.select({ n: count() }).from(merchants);
    if ((existing?.n ?? 0) > 0)
      return { seeded: false, reason: `the database already has ${existing?.n} merchants`, staff: DEMO_STAFF };

    // Existing accounts with a demo email keep their password (someone may have changed it).
    const created = await tx
      .insert(staffUsers)
      .values(
        DEMO_STAFF.map((s, i) => ({
          email: s.email,
          name: s.name,
          role: s.role,
          passwordHash: hashes[i]!,
          createdAt: new Date(now.getTime() - 90 * 86_400_000),
        })),
      )
      .onConflictDoNothing({ target: staffUsers.email })
      .returning({ email: staffUsers.email });
    const staffRows = await tx
      .select({ id: staffUsers.id, email: staffUsers.email })
      .from(staffUsers)
      .where(
        inArray(
          staffUsers.email,
          DEMO_STAFF.map((s) => s.email),
        ),
      );
    const idOf = (key: string) => staffRows.find((r) => r.email === DEMO_STAFF.find((s) => s.key === key)?.email)!.id;
    const team = {
      leadId: idOf("lead"),
      specialistIds: DEMO_STAFF.filter((s) => s.role === "specialist").map((s) => idOf(s.key)),
    };

    const demo = buildDemoMerchants({ count: options.count ?? 300, seed: options.seed ?? 20_260_501, now, team });
    const sla = { agency: await loadAgencyCalendar(tx), policies: await loadSlaPolicies(tx), now };
    await insertChunked(demo, (chunk) => tx.insert(merchants).values(chunk.map((m) => merchantRow(m, sla))));
    const steps = demo.flatMap(stepRows);
    await insertChunked(steps, (chunk) => tx.insert(merchantSteps).values(chunk));
    const events = demo.flatMap((m) =>
      m.events.map((e) => ({
        merchantId: m.id,
        actorId: e.actorId,
        type: e.type,
        stage: e.stage ?? null,
        evidence: e.evidence ?? null,
        note: e.note ?? null,
        createdAt: e.createdAt,
      })),
    );
    await insertChunked(events, (chunk) => tx.insert(merchantEvents).values(chunk));
    const audits = events.flatMap((e) => {
      const action = AUDIT_ACTIONS[e.type];
      if (!action) return [];
      const details = {
        ...(e.stage ? { stage: e.stage } : {}),
        ...(e.note ? { note: e.note } : {}),
        ...(e.evidence ? { evidence: e.evidence } : {}),
        ...(e.actorId ? {} : { system: "demo-seed" }),
      };
      return [
        {
          actorId: e.actorId,
          action: `merchant.${action}`,
          entityType: "merchant",
          entityId: e.merchantId,
          details,
          createdAt: e.createdAt,
        },
      ];
    });
    await insertChunked(audits, (chunk) => tx.insert(auditLog).values(chunk));
    const credentials = await insertCredentials(tx, demo);
    const verificationRuns = await insertVerificationRuns(tx, demo, credentials);

    return {
      seeded: true,
      merchants: demo.length,
      events: events.length,
      steps: steps.length,
      credentials: credentials.length,
      verificationRuns,
      staff: DEMO_STAFF,
      staffCreated: created.map((c) => c.email),
    };
  });
}

type SlaInputs = { agency: BusinessCalendar; policies: SlaPolicy[]; now: Date };

function merchantRow(m: DemoMerchant, sla: SlaInputs): typeof merchants.$inferInsert {
  const s = m.state;
  const last = m.events.at(-1)!;
  // The stored due/warn instants, as the stage machine would have left them (lib/sla/refresh-merchant-sla.ts).
  const clockEvents = m.events.map((e) => ({
    type: e.type,
    stage: e.stage ?? null,
    note: e.note ?? null,
    undone: Array.isArray(e.evidence?.undone) ? (e.evidence.undone as Step[]) : null,
    at: e.createdAt,
  }));
  const open = openStepSla(clockIntervals(clockEvents, sla.now), s.currentStage, sla.policies, sla.agency);
  return {
    id: m.id,
    ...m.profile,
    slaDueAt: open?.dueAt ?? null,
    slaWarnAt: open?.warnAt ?? null,
    specialistId: m.specialistId,
    currentStage: s.currentStage,
    ballInCourt: s.ballInCourt,
    merchantActionRequired: s.merchantActionRequired,
    stageEnteredAt: s.stageEnteredAt,
    onHold: s.onHold,
    holdReason: s.holdReason,
    holdUntil: s.holdUntil,
    cancelledAt: s.cancelledAt,
    cancelReason: s.cancelReason,
    lastActivityAt: last.createdAt,
    createdAt: m.events[0]!.createdAt,
    version: m.events.length,
  };
}

function stepRows(m: DemoMerchant): (typeof merchantSteps.$inferInsert)[] {
  return [...m.state.done].map(([stage, event]) => ({
    merchantId: m.id,
    stage,
    completedAt: event.createdAt,
    completedBy: event.actorId,
    evidence: event.evidence ?? {},
  }));
}
