import { randomUUID } from "node:crypto";
import type { MerchantEventType } from "@/db/schema";
import type { Step } from "@/lib/pipeline/steps";
import { generateHistory, type SeedTeam } from "./merchant-history";
import { generateProfile, type MerchantProfile } from "./merchant-profiles";
import { createRandom } from "./random";
import { replayHistory, type ReplayedState, type SeedEvent } from "./replay";

export type DemoMerchant = {
  id: string;
  profile: MerchantProfile;
  events: SeedEvent[];
  state: ReplayedState;
  specialistId: string | null;
};

/** Event type → the audit action the onboarding verbs write for it (lib/onboarding/*). */
export const AUDIT_ACTIONS: Partial<Record<MerchantEventType, string>> = {
  signed_up: "created",
  stage_completed: "step_completed",
  stage_undone: "step_undone",
  assigned: "assigned",
  held: "held",
  resumed: "resumed",
  cancelled: "cancelled",
  note: "note_added",
  action_required: "action_required",
  action_cleared: "action_cleared",
};

/** Pure: the demo merchants with their histories and replayed state (no I/O, deterministic per seed). */
export function buildDemoMerchants(options: {
  count: number;
  seed: number;
  now: Date;
  team: SeedTeam;
}): DemoMerchant[] {
  const r = createRandom(options.seed);
  const domains = new Set<string>();
  return Array.from({ length: options.count }, () => {
    const profile = generateProfile(r, domains);
    const events = generateHistory(r, profile, options.team, options.now);
    const state = replayHistory(events);
    const assigned = events.filter((e) => e.type === "assigned").at(-1);
    return {
      id: randomUUID(),
      profile,
      events,
      state,
      specialistId: (assigned?.evidence?.to as string | undefined) ?? null,
    };
  });
}

export function doneSteps(m: DemoMerchant): Step[] {
  return [...m.state.done.keys()];
}
