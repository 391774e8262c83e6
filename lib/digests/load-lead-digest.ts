import { sql } from "@/db/client";
import type { Step } from "@/lib/pipeline/steps";
import { listOpenTasks } from "@/lib/tasks/list-tasks";
import type { SlaBreach, StalledMerchant } from "./lead-digest";
import type { DigestTask } from "./task-lines";

const WEEK = 7 * 86_400_000;

/**
 * What every lead's weekly digest lists, read at `now` from the SLA clock rows (lib/sla): stalled
 * merchants, i.e. an open merchant-owned step past its expected time (the policy's merchant
 * expected time) of a merchant neither cancelled nor on hold, one line per merchant (its longest
 * stalled step); and the Actenzo SLA breaches of the last 7 days: a due time in that week that
 * passed before the step was done (still open, or done late); and the open lead-level escalation
 * tasks (unassigned, so every lead's).
 */
export async function loadLeadDigest(
  now: Date,
): Promise<{ stalled: StalledMerchant[]; breaches: SlaBreach[]; tasks: DigestTask[] }> {
  const [nowIso, weekAgo] = [now.toISOString(), new Date(now.getTime() - WEEK).toISOString()];
  const stalledRows = await sql<
    { id: string; shop_name: string; step: Step; specialist: string | null; due_at: string }[]
  >`
    select distinct on (m.id) m.id, m.shop_name, c.step, s.name as specialist, c.due_at
    from sla_step_clocks c
    join merchants m on m.id = c.merchant_id
    left join staff_users s on s.id = m.specialist_id
    where c.owner = 'merchant' and c.completed_at is null and c.cancelled_at is null
      and c.due_at <= ${nowIso}::timestamptz and m.cancelled_at is null
      and not (m.on_hold and (m.hold_until is null or m.hold_until > ${nowIso}::timestamptz))
    order by m.id, c.due_at`;
  const breachRows = await sql<
    {
      id: string;
      shop_name: string;
      step: SlaBreach["step"];
      specialist: string | null;
      due_at: string;
      completed_at: string | null;
      cause: string | null;
    }[]
  >`
    select m.id, m.shop_name, c.step, s.name as specialist, c.due_at, c.completed_at, c.cause
    from sla_step_clocks c
    join merchants m on m.id = c.merchant_id
    left join staff_users s on s.id = m.specialist_id
    where c.owner <> 'merchant' and c.target_seconds is not null
      and c.due_at >= ${weekAgo}::timestamptz and c.due_at < ${nowIso}::timestamptz
      and c.due_at < coalesce(c.completed_at, c.cancelled_at, ${nowIso}::timestamptz)`;
  const tasks = await listOpenTasks({ assigneeId: null });
  return {
    tasks,
    stalled: stalledRows.map((r) => ({
      merchantId: r.id,
      shopName: r.shop_name,
      step: r.step,
      specialist: r.specialist,
      expectedAt: new Date(r.due_at),
    })),
    breaches: breachRows.map((r) => ({
      merchantId: r.id,
      shopName: r.shop_name,
      step: r.step,
      specialist: r.specialist,
      dueAt: new Date(r.due_at),
      completedAt: r.completed_at ? new Date(r.completed_at) : null,
      cause: r.cause,
    })),
  };
}
