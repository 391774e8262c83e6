import { availableParallelism, loadavg } from "node:os";
import { performance, PerformanceObserver } from "node:perf_hooks";
import { eq, fillPlaceholders, sql as raw } from "drizzle-orm";
import type postgres from "postgres";
import { db, sql } from "@/db/client";
import { merchants, staffUsers } from "@/db/schema";
import type { StaffActor } from "@/lib/auth/actor";
import { queueBindings, queueOrderBy, queueWhere } from "@/lib/work-queue/filters";
import { listWorkQueue } from "@/lib/work-queue/list-work-queue";
import { queueColumns, queueStatements } from "@/lib/work-queue/queue-statements";
import { queueFacets } from "@/lib/work-queue/queue-facets";
import { parseQueueParams, type QueueParams } from "@/lib/work-queue/queue-params";

type Combination = { name: string; actor: StaffActor; params: QueueParams };
type Params = postgres.ParameterOrJSON<never>[];

async function staffActor(email: string): Promise<StaffActor> {
  const [row] = await db.select().from(staffUsers).where(eq(staffUsers.email, email));
  if (!row) throw new Error(`no staff ${email}`);
  return { kind: "staff", id: row.id, email: row.email, name: row.name, role: row.role };
}

async function combinations(): Promise<Combination[]> {
  const specialist = await staffActor("specialist1@actenzo.test");
  const lead = await staffActor("lead@actenzo.test");
  // A fragment of a real shop domain, as a specialist would paste it: "bron-3c59d".
  const [sample] = await sql<{ d: string }[]>`select shop_domain d from merchants order by id offset 4242 limit 1`;
  const fragment = (sample?.d ?? "debron-1234.nl").replace(/\.[a-z]+$/, "").slice(2);
  return [
    { name: "specialist default (mine, waiting since)", actor: specialist, params: parseQueueParams({}) },
    {
      name: "ball=merchant + 2 steps, waiting since",
      actor: lead,
      params: parseQueueParams({ ball: "merchant", stage: "key_received,secret_received" }),
    },
    { name: `search domain fragment "${fragment}"`, actor: lead, params: parseQueueParams({ q: fragment }) },
    {
      name: "lead all, last activity desc, page 20",
      actor: lead,
      params: parseQueueParams({ sort: "lastActivity", dir: "desc", page: "20" }),
    },
    {
      name: "on hold + us1, company asc",
      actor: lead,
      params: parseQueueParams({ hold: "yes", cluster: "us1", sort: "company" }),
    },
    { name: "(extra) lead all, company asc", actor: lead, params: parseQueueParams({ sort: "company" }) },
    { name: '(extra) broad search "bron", waiting since', actor: lead, params: parseQueueParams({ q: "bron" }) },
  ];
}

/** The single-round-trip alternative: the total as a window function on every row. */
function windowCountQuery(actor: StaffActor, params: QueueParams) {
  const query = db
    .select({ ...queueColumns, total: raw<number>`count(*) over()` })
    .from(merchants)
    .leftJoin(staffUsers, eq(staffUsers.id, merchants.specialistId))
    .where(queueWhere(actor, params))
    .orderBy(...queueOrderBy(params))
    .limit(params.perPage)
    .offset((params.page - 1) * params.perPage)
    .toSQL();
  return { sql: query.sql, params: fillPlaceholders(query.params, queueBindings(actor, params)) };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const ms = (n: number) => `${n.toFixed(1).padStart(6)} ms`;

async function time(fn: () => Promise<unknown>) {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/**
 * GC pauses while timing. A young-generation pause costs 1–5 ms on a 2-vCPU box, so a path that
 * allocates more gets more slow samples; counting the samples a pause overlapped tells that
 * apart from database or scheduler noise, which hits both paths alike.
 */
const gcPauses: { start: number; end: number }[] = [];
new PerformanceObserver((entries) => {
  for (const e of entries.getEntries()) gcPauses.push({ start: e.startTime, end: e.startTime + e.duration });
}).observe({ entryTypes: ["gc"] });

async function timeSpan(fn: () => Promise<unknown>, spans: { start: number; end: number }[]) {
  const start = performance.now();
  const took = await time(fn);
  spans.push({ start, end: start + took });
  return took;
}

async function gcHits(spans: { start: number; end: number }[]) {
  await new Promise((resolve) => setImmediate(resolve)); // GC entries arrive on a later tick
  return spans.filter((s) => gcPauses.some((g) => g.start < s.end && g.end > s.start)).length;
}

export async function runCombinations(options: { runs: number; warmup: number; explain: boolean }) {
  const combos = await combinations();
  console.log(
    `\n${options.runs} runs after ${options.warmup} warm-up (alternatives: ${Math.min(options.runs, 30)}); raw = the same two statements via postgres.js unsafe, in parallel`,
  );
  // The tails are a few ms; another process on the machine moves them more than any code change.
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")} on ${availableParallelism()} CPUs`,
  );
  console.log(
    `${"combination".padEnd(46)} ${"rows/total".padStart(13)} | listWorkQueue p50 / p95   | raw SQL p50 / p95     | ratio p50 / p95 | GC hit list/raw | count(*) over() p50 / p95 | step facets p50 / p95`,
  );
  for (const { name, actor, params } of combos) {
    // Exactly the text and parameters listWorkQueue sends for this view.
    const { rows: rowsSql, total: totalSql } = queueStatements(actor, params);
    const windowSql = windowCountQuery(actor, params);
    const runRaw = () =>
      Promise.all([
        sql.unsafe(rowsSql.sql, rowsSql.params as Params),
        sql.unsafe(totalSql.sql, totalSql.params as Params),
      ]);
    const runWindow = () => sql.unsafe(windowSql.sql, windowSql.params as Params);
    const runList = () => listWorkQueue(actor, params);

    const result = await runList();
    for (let i = 0; i < options.warmup; i++) await Promise.all([runList(), runRaw(), runWindow()]);
    const list: number[] = [],
      direct: number[] = [],
      window: number[] = [];
    const listSpans: { start: number; end: number }[] = [],
      directSpans: typeof listSpans = [];
    // Interleaved, alternating who goes first, so cache state and background noise hit both alike.
    for (let i = 0; i < options.runs; i++) {
      if (i % 2) list.push(await timeSpan(runList, listSpans));
      direct.push(await timeSpan(runRaw, directSpans));
      if (!(i % 2)) list.push(await timeSpan(runList, listSpans));
    }
    const gc = `${await gcHits(listSpans)}/${await gcHits(directSpans)}`;
    const facets: number[] = [];
    for (let i = 0; i < Math.min(options.runs, 30); i++) facets.push(await time(() => queueFacets(actor, params)));
    // The slow alternative runs on its own, so it does not evict what the others just cached.
    for (let i = 0; i < Math.min(options.runs, 30); i++) window.push(await time(runWindow));
    [list, direct, window, facets].forEach((xs) => xs.sort((a, b) => a - b));
    const ratio50 = percentile(list, 50) / percentile(direct, 50);
    const ratio95 = percentile(list, 95) / percentile(direct, 95);
    console.log(
      `${name.padEnd(46)} ${`${result.rows.length}/${result.total}`.padStart(13)} | ${ms(percentile(list, 50))} / ${ms(percentile(list, 95))} | ${ms(percentile(direct, 50))} / ${ms(percentile(direct, 95))} | ${ratio50.toFixed(2).padStart(5)}× / ${ratio95.toFixed(2).padStart(5)}× | ${gc.padStart(15)} | ${ms(percentile(window, 50))} / ${ms(percentile(window, 95))} | ${ms(percentile(facets, 50))} / ${ms(percentile(facets, 95))}`,
    );
    if (options.explain) {
      for (const s of [rowsSql, totalSql]) {
        const plan = await sql.unsafe(`explain (analyze, buffers) ${s.sql}`, s.params as Params);
        console.log(plan.map((r) => `    ${r["QUERY PLAN"]}`).join("\n"));
      }
    }
  }
}
