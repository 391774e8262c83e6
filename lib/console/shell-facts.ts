import "server-only";
import { sql } from "drizzle-orm";
import { cache } from "react";
import { executePrepared } from "@/db/execute-prepared";
import type { PlatformIncident } from "@/db/schema";
import { can, type StaffActor } from "@/lib/auth/actor";
import { seesUnassignedTasks } from "@/lib/tasks/task-rules";

/** What the signed-in shell shows around every page: the navigation's counts and the platform banner. */
export type ShellFacts = { triage: number; openTasks: number; incident: PlatformIncident | null };

type Row = { triage: number; open_tasks: number; incident: string | null };
type IncidentJson = {
  id: string;
  opened_at: string;
  closed_at: string | null;
  checks: number;
  failures: number;
  peak_failures: number;
  summary: string;
  last_evaluated_at: string;
};

/**
 * The shell's three reads as ONE prepared statement: each costs the server a socket write and a
 * driver round trip on every page view (about 0.5 ms of CPU each in tests/bench/pages.ts, decision
 * 0035), and they are tiny. The same figures as countTriage, countMyOpenTasks and
 * getOpenPlatformIncident (a test holds them equal); a figure the actor may not see is 0 / null.
 * Once per request (React `cache`).
 */
export const loadShellFacts = cache(async function loadShellFacts(actor: StaffActor): Promise<ShellFacts> {
  const triage = can(actor, "intake:triage")
    ? sql`(select count(*)::int from intake_messages where status = 'triage')`
    : sql`0`;
  const mine = seesUnassignedTasks(actor)
    ? sql`(assignee_id = ${actor.id} or assignee_id is null)`
    : sql`assignee_id = ${actor.id}`;
  const openTasks = can(actor, "tasks:work")
    ? sql`(select count(*)::int from staff_tasks where done_at is null and ${mine})`
    : sql`0`;
  // The newest open incident (at most one is open: a unique index says so).
  const incident = can(actor, "health:read")
    ? sql`(select row_to_json(i)::text from (select * from platform_incidents where closed_at is null
        order by opened_at desc limit 1) i)`
    : sql`null`;
  const [row] = await executePrepared<Row>(
    sql`select ${triage} as triage, ${openTasks} as open_tasks, ${incident} as incident`,
  );
  return {
    triage: row?.triage ?? 0,
    openTasks: row?.open_tasks ?? 0,
    incident: row?.incident ? toIncident(JSON.parse(row.incident) as IncidentJson) : null,
  };
});

function toIncident(i: IncidentJson): PlatformIncident {
  return {
    id: i.id,
    openedAt: new Date(i.opened_at),
    closedAt: i.closed_at === null ? null : new Date(i.closed_at),
    checks: i.checks,
    failures: i.failures,
    peakFailures: i.peak_failures,
    summary: i.summary,
    lastEvaluatedAt: new Date(i.last_evaluated_at),
  };
}
