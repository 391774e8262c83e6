import "server-only";
import { sql } from "drizzle-orm";
import { cache } from "react";
import { executePrepared } from "@/db/execute-prepared";
import type { PlatformIncident } from "@/db/schema";
import { can, type StaffActor } from "@/lib/auth/actor";
import { getActorWith } from "@/lib/auth/session";
import { createLogger } from "@/lib/logger";
import { seesUnassignedTasks } from "@/lib/tasks/task-rules";

const log = createLogger("console.shell");

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

const NO_FACTS: ShellFacts = { triage: 0, openTasks: 0, incident: null };

/**
 * The same three figures, as subqueries of the statement that reads the signed-in actor
 * (getActorWith; decision 0041): one round trip per page view instead of two. The actor's role is
 * not known inside that statement, so it reads every figure any role may see (the viewer's own
 * open tasks and the unassigned ones apart; all tiny, indexed counts) and shellFactsFor() keeps
 * what this actor may see, by the same rules as loadShellFacts (a test holds the two equal).
 */
export const SHELL_FIGURES = {
  triage: sql`(select count(*)::int from intake_messages where status = 'triage')`,
  // `staff_users.id`: the actor's row of the enclosing statement.
  ownOpenTasks: sql`(select count(*)::int from staff_tasks where done_at is null and assignee_id = staff_users.id)`,
  unassignedOpenTasks: sql`(select count(*)::int from staff_tasks where done_at is null and assignee_id is null)`,
  incident: sql`(select row_to_json(i)::text from (select * from platform_incidents where closed_at is null
    order by opened_at desc limit 1) i)`,
};

type ShellFigures = Record<keyof typeof SHELL_FIGURES, unknown>;

export function shellFactsFor(actor: StaffActor, figures: ShellFigures): ShellFacts {
  const own = Number(figures.ownOpenTasks ?? 0);
  const unassigned = seesUnassignedTasks(actor) ? Number(figures.unassignedOpenTasks ?? 0) : 0;
  return {
    triage: can(actor, "intake:triage") ? Number(figures.triage ?? 0) : 0,
    openTasks: can(actor, "tasks:work") ? own + unassigned : 0,
    incident:
      can(actor, "health:read") && typeof figures.incident === "string"
        ? toIncident(JSON.parse(figures.incident) as IncidentJson)
        : null,
  };
}

/**
 * The signed-in actor (null: signed out) and the shell's facts, for the console layout: one
 * statement when the layout is the first to ask for the actor in this request (it is: the page
 * renders below it), else the actor as read and the facts' own statement. As before, a failing
 * read of the facts never breaks the shell: no counts, no banner.
 */
export async function loadActorAndShellFacts(): Promise<{ actor: StaffActor | null; shell: ShellFacts }> {
  const { actor, extra } = await getActorWith(SHELL_FIGURES);
  if (!actor) return { actor, shell: NO_FACTS };
  if (extra) return { actor, shell: shellFactsFor(actor, extra) };
  const shell = await loadShellFacts(actor).catch((error: unknown): ShellFacts => {
    log.warn("shell facts unavailable", { error });
    return NO_FACTS;
  });
  return { actor, shell };
}

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
