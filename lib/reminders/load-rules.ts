import { db } from "@/db/client";
import { reminderPolicies } from "@/db/schema";
import type { Step } from "@/lib/pipeline/steps";
import type { ReminderRule } from "./policy";

/** The stored reminder policy per step (seeded by the migration; edited by leads and admins). */
export async function loadReminderRules(): Promise<Map<Step, ReminderRule>> {
  const rows = await db.select().from(reminderPolicies);
  return new Map(
    rows.map((r) => [
      r.stage,
      { stage: r.stage, firstAfterDays: r.firstAfterDays, cadenceDays: r.cadenceDays, maxCount: r.maxCount },
    ]),
  );
}
