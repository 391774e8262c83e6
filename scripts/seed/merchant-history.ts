import { STEPS, type Step } from "@/lib/pipeline/steps";
import { keyFingerprint } from "@/lib/credentials/credential-input";
import type { GrantName } from "@/lib/lightspeed/vocabulary";
import { verificationProblem } from "@/lib/key-checks/problem";
import { demoCredentials } from "./demo-keys";
import type { MerchantProfile } from "./merchant-profiles";
import type { Random } from "./random";
import type { SeedEvent } from "./replay";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type SeedTeam = { leadId: string; specialistIds: readonly string[] };

/** Where a demo merchant stands: its current step, or "done" when every step is complete. */
const TARGETS = {
  user_created: 18,
  user_approved: 12,
  password_reset: 8,
  key_received: 14,
  secret_received: 11,
  key_verified: 9,
  live: 8,
  done: 20,
};

/** Hours between one step and the next (min, max), before the history is fitted into its window. */
const GAPS: Record<Step, [number, number]> = {
  signed_up: [0, 0],
  user_created: [2, 96],
  user_approved: [0.1, 48],
  password_reset: [1, 24],
  key_received: [12, 120],
  secret_received: [0.2, 72],
  key_verified: [0.05, 2],
  live: [24, 96],
};

const NOTES = [
  "Called the owner; the key will follow after the weekend.",
  "Merchant asked whether the Vivino promo works with bundles. Sent the FAQ.",
  "Owner is not the store owner in Lightspeed; asked them to loop in their partner.",
  "Reminded by phone, merchant was at a tasting fair all week.",
  "Merchant wants the feed live before the Beaujolais Nouveau campaign.",
  "Sent the access guide again in their language.",
  "Spoke to the shop manager; approval needs the owner, who is back Monday.",
];
const HOLD_REASONS = [
  "Shop closed for harvest holidays.",
  "Merchant is migrating to a new Lightspeed plan first.",
  "Waiting for the owner to return from Bordeaux.",
  "Merchant asked to pause until their new product catalogue is in.",
];
const CANCEL_REASONS = [
  "Merchant chose another feed partner.",
  "Shop is closing down.",
  "Duplicate sign-up under another domain.",
];
/** Unticked checkboxes found by a verification, in the back office's order (as `missingGrants` lists them). */
const MISSING_SETS: readonly GrantName[][] = [
  ["orders:write", "tracking:read"],
  ["customers:read"],
  ["products:write"],
  ["content:write", "settings:read"],
];

/**
 * A believable history for one merchant: sign-up, assignment, steps (sometimes out of guide
 * order, sometimes undone and redone), notes, holds, cancellations, verification findings.
 * Pure: the caller replays it through the rules to get the stored columns.
 */
export function generateHistory(r: Random, profile: MerchantProfile, team: SeedTeam, now: Date): SeedEvent[] {
  const target = r.weighted(TARGETS);
  const targetIndex = target === "done" ? STEPS.length : STEPS.indexOf(target);
  const ageDays = Math.min(70, targetIndex * 3 + r.int(1, 16) + r.next());
  const createdAt = new Date(now.getTime() - ageDays * DAY);

  const done = new Set<Step>(STEPS.slice(1, targetIndex));
  // Merchants do things out of guide order: keys arrive before the user is approved, and so on.
  if (targetIndex <= 3 && r.chance(0.15)) done.add("key_received");
  if (targetIndex <= 3 && r.chance(0.08)) done.add("secret_received");
  if (target === "user_approved" && r.chance(0.3)) done.add("password_reset");
  if (target === "key_received" && r.chance(0.25)) done.add("secret_received");

  const order = STEPS.filter((s) => done.has(s));
  if (done.has("key_received") && done.has("secret_received") && r.chance(0.25))
    swap(order, "key_received", "secret_received");
  if (done.has("user_approved") && done.has("password_reset") && r.chance(0.3))
    swap(order, "user_approved", "password_reset");

  // Fit the steps between sign-up and "a while ago" (the time spent in the current step).
  const gaps = order.map((s) => (GAPS[s][0] + r.next() * (GAPS[s][1] - GAPS[s][0])) * HOUR);
  const total = gaps.reduce((a, b) => a + b, 0);
  const tail = Math.min(ageDays * DAY * 0.4, r.int(1, 6 * 24) * HOUR);
  const scale = Math.min(1, (ageDays * DAY - tail) / Math.max(total, 1));

  const assigned = r.chance(targetIndex <= 1 && ageDays < 4 ? 0.4 : 0.85) ? r.pick(team.specialistIds) : null;
  const staff = assigned ?? team.leadId;
  const creds = demoCredentials(profile.shopDomain);
  const events: SeedEvent[] = [
    {
      type: "signed_up",
      stage: "signed_up",
      actorId: null,
      evidence: { source: r.chance(0.8) ? "api" : "console" },
      createdAt,
    },
  ];
  if (assigned) {
    const selfClaim = r.chance(0.4);
    events.push({
      type: "assigned",
      actorId: selfClaim ? assigned : team.leadId,
      evidence: { from: null, to: assigned },
      createdAt: new Date(createdAt.getTime() + r.int(1, 20) * HOUR * Math.min(1, scale + 0.1)),
    });
  }

  let t = createdAt.getTime();
  order.forEach((stage, i) => {
    t += gaps[i]! * scale + 60_000;
    const at = new Date(t);
    if (stage === "key_verified") {
      events.push({
        type: "verification",
        actorId: null,
        evidence: { verdict: "healthy", trigger: "halves_complete" },
        createdAt: new Date(t - 30_000),
      });
      events.push({ type: "stage_completed", stage, actorId: null, evidence: { verdict: "healthy" }, createdAt: at });
      return;
    }
    const viaLink = (stage === "key_received" || stage === "secret_received") && r.chance(0.2);
    const evidence = stepEvidence(stage, at, viaLink, creds.key);
    if (stage === "key_received" && !viaLink && r.chance(0.08)) {
      // A wrong key first: recorded, undone with a reason, then the right one arrives.
      const previous = i > 0 ? t - gaps[i]! * scale : createdAt.getTime();
      events.push({
        type: "stage_completed",
        stage,
        actorId: staff,
        evidence,
        createdAt: new Date(previous + (t - previous) * 0.3),
      });
      events.push({
        type: "stage_undone",
        stage,
        actorId: staff,
        note: "Key belonged to the merchant's staging shop; asked for the live shop's key.",
        createdAt: new Date(previous + (t - previous) * 0.5),
      });
    }
    events.push({ type: "stage_completed", stage, actorId: viaLink ? null : staff, evidence, createdAt: at });
  });

  const lastStep = t;
  const between = (from: number, to: number) => new Date(from + r.next() * Math.max(0, to - from));
  for (let n = r.chance(0.35) ? r.int(1, 2) : 0; n > 0; n--) {
    events.push({
      type: "note",
      actorId: staff,
      note: r.pick(NOTES),
      createdAt: between(createdAt.getTime() + HOUR, now.getTime() - HOUR),
    });
  }

  if (target === "key_verified" && r.chance(0.5)) {
    const missing = r.pick(MISSING_SETS);
    const at = new Date(lastStep + 20 * 60_000);
    // The engine's own words and evidence shape (record-verification.ts); seed-verification-runs.ts
    // turns this event into the stored run.
    const { merchantAction } = verificationProblem({ verdict: "incomplete_permissions", missing });
    events.push({
      type: "verification",
      actorId: null,
      evidence: { verdict: "incomplete_permissions", trigger: "halves_complete", missing },
      note: merchantAction ?? undefined,
      createdAt: at,
    });
    events.push({
      type: "action_required",
      actorId: null,
      note: merchantAction ?? undefined,
      createdAt: new Date(at.getTime() + 1000),
    });
  }

  const endWindow = now.getTime() - HOUR;
  if (target !== "done" && r.chance(0.04)) {
    events.push({
      type: "cancelled",
      actorId: team.leadId,
      note: r.pick(CANCEL_REASONS),
      createdAt: between(lastStep, endWindow),
    });
  } else if (target !== "done" && r.chance(0.1)) {
    const heldAt = between(lastStep, endWindow);
    const until = r.chance(0.5) ? new Date(now.getTime() + r.int(3, 21) * DAY) : null;
    events.push({
      type: "held",
      actorId: staff,
      note: r.pick(HOLD_REASONS),
      evidence: { until: until?.toISOString() ?? null },
      createdAt: heldAt,
    });
    // Some holds already ended: resumed a little later (the clock restarts on resume).
    if (r.chance(0.35))
      events.push({
        type: "resumed",
        actorId: staff,
        note: "Merchant is back; picking up again.",
        createdAt: between(heldAt.getTime(), endWindow),
      });
  }
  return events.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

function stepEvidence(stage: Step, at: Date, viaLink: boolean, key: string): Record<string, unknown> {
  const received = {
    receivedAt: new Date(at.getTime() - 40 * 60_000).toISOString(),
    via: viaLink ? "connect_link" : "email",
  };
  switch (stage) {
    case "user_created":
      return { lightspeedUserEmail: "integrations@actenzo.test" };
    case "user_approved":
      return { fullPermissions: true };
    case "key_received":
      return { ...received, fingerprint: keyFingerprint(key) };
    case "secret_received":
      return received;
    case "live":
      return { feed: "Vivino promo" };
    default:
      return {};
  }
}

function swap(order: Step[], a: Step, b: Step) {
  const i = order.indexOf(a);
  const j = order.indexOf(b);
  if (i >= 0 && j >= 0) [order[i], order[j]] = [order[j]!, order[i]!];
}
