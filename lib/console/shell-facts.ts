import "server-only";
import { eq, sql } from "drizzle-orm";
import { cache } from "react";
import { lookupDb } from "@/db/client";
import { staffUsers, type PlatformIncident } from "@/db/schema";
import { can, type StaffActor } from "@/lib/auth/actor";
import { getActorWith } from "@/lib/auth/session";
import { createLogger } from "@/lib/logger";
import { seesUnassignedTasks } from "@/lib/tasks/task-rules";

const log = createLogger("console.shell");

/** What the signed-in shell shows around every page: the navigation's counts and the platform banner. */
export type ShellFacts = { triage: number; openTasks: number; incident: PlatformIncident | null };

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
 * The shell's facts for an actor already read (the layout's fallback, when this request read its
 * actor before): the same figures and the same rules as the combined statement below, in one
 * statement of their own. Once per request (React `cache`).
 */
export const loadShellFacts = cache(async function loadShellFacts(actor: StaffActor): Promise<ShellFacts> {
  const [row] = await lookupDb.select(SHELL_FIGURES).from(staffUsers).where(eq(staffUsers.id, actor.id));
  return row ? shellFactsFor(actor, row) : NO_FACTS;
});

const NO_FACTS: ShellFacts = { triage: 0, openTasks: 0, incident: null };

/**
 * The shell's figures, as subqueries of the statement that reads the signed-in actor
 * (getActorWith; decision 0041): one round trip per page view instead of two. Each is a driver
 * round trip and a socket write on every page view if read apart (about 0.5 ms of CPU each in
 * tests/bench/pages.ts, decision 0035), and all are tiny, indexed counts. The actor's role is not
 * known inside that statement, so it reads every figure any role may see (the viewer's own open
 * tasks and the unassigned ones apart) and shellFactsFor() keeps what this actor may see (a test
 * holds the result equal to countTriage, countMyOpenTasks and getOpenPlatformIncident).
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
