import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { auditLog, slaPolicies } from "@/db/schema";
import { actorId, authorize, type Actor } from "@/lib/auth/actor";
import { STEP_OWNERS } from "@/lib/pipeline/pipeline";
import { STEPS, type Step } from "@/lib/pipeline/steps";
import { parseInput } from "@/lib/validation/parse-input";
import { describePolicyChange } from "./describe-sla-change";
import type { SlaPolicy } from "./policy";
import { loadSlaPolicies } from "./sla-context";

/** Business hours as typed ("4", "2.5"); blank means no target for that step. Stored in seconds. */
const hours = z
  .union([z.number(), z.string().trim()])
  .transform((v) => (v === "" ? undefined : Number(v)))
  .pipe(z.number("Hours as a number").positive("More than 0 hours").max(10_000, "At most 10000 hours").optional());
const perStep = (owner: "agency" | "merchant") =>
  z.object(
    Object.fromEntries(
      STEPS.filter((s) => s !== "signed_up" && STEP_OWNERS[s] === owner).map((s) => [s, hours.optional()]),
    ),
  );

const inputSchema = z.object({
  agencyTargetHours: perStep("agency"),
  merchantExpectedHours: perStep("merchant"),
  endToEndHours: hours.pipe(z.number("Give the end-to-end target")),
});
export type SlaPolicyInput = z.input<typeof inputSchema>;

const toSeconds = (byStep: Record<string, number | undefined>) =>
  Object.fromEntries(
    Object.entries(byStep)
      .filter((e): e is [Step, number] => e[1] !== undefined)
      .map(([stage, h]) => [stage, Math.round(h * 3600)]),
  ) as Partial<Record<Step, number>>;

/**
 * Publishes a new SLA policy version, in force from now (leads and admins). Old versions are never
 * rewritten: steps that started under them keep being judged by them. Audited with what changed.
 */
export async function publishSlaPolicy(actor: Actor, input: SlaPolicyInput): Promise<SlaPolicy> {
  authorize(actor, "sla:manage");
  const parsed = parseInput(inputSchema, input);
  return db.transaction(async (tx) => {
    // One publisher at a time, so two edits get consecutive versions instead of a key clash.
    // (An advisory lock: the app role may not LOCK a table it cannot update.)
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('sla_policies'))`);
    const versions = await loadSlaPolicies(tx);
    const before = versions.at(-1)!;
    const policy: SlaPolicy = {
      version: Math.max(0, ...versions.map((v) => v.version)) + 1,
      effectiveFrom: new Date(),
      agencyTargets: toSeconds(parsed.agencyTargetHours),
      merchantExpected: toSeconds(parsed.merchantExpectedHours),
      endToEndSeconds: Math.round(parsed.endToEndHours * 3600),
    };
    await tx.insert(slaPolicies).values({ ...policy, createdBy: actorId(actor) });
    await tx.insert(auditLog).values({
      actorId: actorId(actor),
      action: "sla.policy_published",
      entityType: "sla_policy",
      entityId: String(policy.version),
      details: { version: policy.version, summary: describePolicyChange(before, policy), before, after: policy },
    });
    return policy;
  });
}
