/**
 * SLA report bench: `npx tsx --import ./scripts/allow-server-only.mjs tests/bench/sla-report.ts
 * [--merchants 100000] [--events 1000000] [--runs 200] [--keep] [--reuse bench_sla_xxxx] [--db bench_sla_xxxx]
 * [--report-only | --no-recompute]`. Creates a
 * scratch database, seeds merchants (tests/bench/queue-seed.ts) with clock-relevant histories
 * (sla-seed.ts), then prints, each beside its target: the full recompute of every clock (the
 * sla-recompute job's work), the p95 of loading a quarter's report (server side, the page's one
 * call) against the same SQL of its heaviest query run raw (the two interleaved), and the time a step completion spends
 * keeping its merchant's clocks current. Drops the database unless --keep.
 */
import { randomBytes } from "node:crypto";
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { sql as dsql, TransactionRollbackError } from "drizzle-orm";
import postgres from "postgres";
import { ownerDatabaseUrl } from "@/db/database-urls";
import { migrateDatabase } from "@/db/migrate-database";
import { resetEnvCache } from "@/lib/env";
import { loadEnvFile } from "@/lib/load-env-file";
import { TEST_ENV } from "@/tests/helpers/test-env";
import { seedQueueVolume } from "./queue-seed";
import { seedClockEvents } from "./sla-seed";

const { values: args } = parseArgs({
  options: {
    merchants: { type: "string", default: "100000" },
    events: { type: "string", default: "1000000" },
    runs: { type: "string", default: "200" },
    keep: { type: "boolean", default: false },
    reuse: { type: "string" },
    /** A fixed name for the scratch database (bench_sla_<suffix>), so parallel branches don't clash. */
    db: { type: "string" },
    /** Iterating on the report only: skip the full recompute and the step-completion timing. */
    "report-only": { type: "boolean", default: false },
    /** Iterating on the report and the step completion (--reuse): skip the full recompute. */
    "no-recompute": { type: "boolean", default: false },
  },
});
const RUNS = Number(args.runs);
const skipRecompute = args["report-only"] || args["no-recompute"];
const REFRESH_SAMPLES = 500;

loadEnvFile();
for (const [key, value] of Object.entries(TEST_ENV)) if (key !== "NODE_ENV") process.env[key] ??= value;
const baseUrl = new URL(ownerDatabaseUrl());
const adminUrl = new URL(baseUrl);
adminUrl.pathname = "/postgres";
const dbName = args.reuse ?? args.db ?? `bench_sla_${randomBytes(4).toString("hex")}`;
if (!/^bench_sla_[a-z0-9]+$/.test(dbName)) throw new Error(`--reuse takes a bench_sla_* database, not ${dbName}`);
const benchUrl = new URL(baseUrl);
benchUrl.pathname = `/${dbName}`;
const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });

const p = (values: number[], q: number) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
};
const ms = (v: number) => `${v.toFixed(1)} ms`;
const line = (what: string, figure: string, target: string, pass: boolean) =>
  console.log(`${what.padEnd(52)} ${figure.padStart(12)}   target ${target.padEnd(12)} ${pass ? "PASS" : "MISS"}`);

async function timed(runs: number, body: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 3; i++) await body();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await body();
    samples.push(performance.now() - t);
  }
  return samples;
}

async function main() {
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")} (2 shared cores)`,
  );
  if (!args.reuse) await admin.unsafe(`create database "${dbName}"`);
  console.log(`scratch database ${dbName}`);
  try {
    // Also on --reuse: a kept database gets the migrations added since (drizzle skips applied ones).
    await migrateDatabase(benchUrl.toString());
    process.env.DATABASE_URL = benchUrl.toString();
    resetEnvCache();
    const { sql, db, closeDb } = await import("@/db/client");
    const { systemActor } = await import("@/lib/auth/actor");
    const { recomputeAllClocks } = await import("@/lib/sla/recompute-all-clocks");
    const { refreshMerchantClocks } = await import("@/lib/sla/refresh-merchant-clocks");
    const { loadSlaReport, planReport } = await import("@/lib/sla/reports/load-sla-report");
    const { reportStatement } = await import("@/lib/sla/reports/report-statement");
    const { compileStatement } = await import("@/db/execute-prepared");
    const { refreshReportSummary } = await import("@/lib/sla/reports/report-summary");
    const { loadReportState } = await import("@/lib/sla/reports/report-state");
    const { parseReportParams } = await import("@/lib/sla/reports/report-params");
    try {
      let t = performance.now();
      if (!args.reuse) {
        await seedQueueVolume(sql, Number(args.merchants), 0);
        await seedClockEvents(sql, Number(args.events));
        await sql`checkpoint`;
      }
      const [counts] =
        await sql`select (select count(*) from merchants)::int m, (select count(*) from merchant_events)::int e`;
      console.log(
        `seeded ${counts?.m} merchants, ${counts?.e} events in ${((performance.now() - t) / 1000).toFixed(1)} s`,
      );

      // First every row written afresh (as after the seed, or on a --reuse rerun): the initial build.
      if (!skipRecompute) {
        await sql`truncate sla_step_clocks`;
        await sql`update merchants set sla_due_at = null, sla_warn_at = null where sla_due_at is not null`;
        await sql`vacuum analyze merchants`;
      }
      t = performance.now();
      if (!skipRecompute) await recomputeAllClocks(systemActor("bench"));
      const initial = (performance.now() - t) / 1000;
      // Then the target's case, a recompute after a policy or calendar change, at its worst: every
      // row and every stored due instant differs from what the recompute finds.
      if (!skipRecompute) await sql`update sla_step_clocks set agency_work_seconds = -1`;
      if (!skipRecompute)
        await sql`update merchants set sla_due_at = null, sla_warn_at = null where sla_due_at is not null`;
      await sql`vacuum analyze sla_step_clocks`;
      await sql`vacuum analyze merchants`;
      await sql`checkpoint`;
      t = performance.now();
      const cpuBefore = process.cpuUsage();
      const result = skipRecompute ? null : await recomputeAllClocks(systemActor("bench"));
      const recompute = (performance.now() - t) / 1000;
      const cpuUsed = process.cpuUsage(cpuBefore);
      const recomputeCpu = (cpuUsed.user + cpuUsed.system) / 1000;
      await sql`vacuum analyze sla_step_clocks`;
      // The recompute rewrote every merchant's due instants: as autovacuum would after it (the
      // bench server may run without), so index-only scans of merchants skip the heap again.
      await sql`vacuum analyze merchants`;
      const [rows] = await sql`select count(*)::int n from sla_step_clocks`;
      console.log(`recomputed ${result?.merchants ?? "(skipped)"} merchants → ${rows?.n} clock rows`);

      // The report's per-day summary, rebuilt in full as the sla-report-summary job does the first time.
      t = performance.now();
      const rebuilt = await refreshReportSummary({ full: true });
      const rebuild = (performance.now() - t) / 1000;
      await sql`vacuum analyze sla_report_outcome_days, sla_report_time_days, sla_report_funnel_days`;
      await sql`checkpoint`;
      const [summaryRows] = await sql`select (select count(*) from sla_report_time_days)::int t,
        (select count(*) from sla_report_outcome_days)::int o, (select count(*) from sla_report_funnel_days)::int f`;
      console.log(
        `summary rebuilt (${rebuilt.days} days) in ${rebuild.toFixed(1)} s: ${summaryRows?.t} time-bucket, ` +
          `${summaryRows?.o} outcome, ${summaryRows?.f} funnel rows`,
      );

      const [lead] = await sql`select id, email, name, role from staff_users where role = 'lead' limit 1`;
      const actor = { kind: "staff" as const, ...(lead as { id: string; email: string; name: string; role: "lead" }) };
      const params = parseReportParams({ period: "quarter" });

      // The same SQL text as the report, run raw through postgres.js.
      const { fromSummary, queries } = planReport(params, new Date(), await loadReportState());
      console.log(`report reads ${fromSummary ? "the per-day summary" : "the clocks directly"}`);
      const statement = compileStatement(reportStatement(queries));
      // Prepared, as the report runs it: no describe round trip before each run.
      const runRaw = (q: { sql: string; params: unknown[] }) =>
        sql.unsafe(q.sql, q.params as never[], { prepare: true });
      // The report and its statement raw, interleaved (which goes first alternates), so a change of
      // load during the bench weighs on both alike.
      const report: number[] = [];
      const rawStatement: number[] = [];
      for (let i = -3; i < RUNS; i++) {
        for (const which of i % 2 ? ["report", "raw"] : ["raw", "report"]) {
          const t = performance.now();
          await (which === "report" ? loadSlaReport(actor, params) : runRaw(statement));
          if (i >= 0) (which === "report" ? report : rawStatement).push(performance.now() - t);
        }
      }
      const raw: Record<string, number> = { statement: p(rawStatement, 0.95) };
      const p50Of: Record<string, number> = { statement: p(rawStatement, 0.5) };
      const server: Record<string, number> = {};
      // Its four parts alone (for where the time goes) and the one statement the report runs.
      const parts = Object.entries(queries).map(([name, fragment]) => [name, compileStatement(fragment)] as const);
      for (const [name, q] of [...parts, ["statement", statement] as const]) {
        const params = q.params as never[];
        if (name !== "statement") {
          const samples = await timed(Math.max(10, RUNS / 2), () => runRaw(q));
          raw[name] = p(samples, 0.95);
          p50Of[name] = p(samples, 0.5);
        }
        // PostgreSQL's own execution time (EXPLAIN ANALYZE), median of 5: less sensitive to the load.
        const runs: number[] = [];
        for (let i = 0; i < 5; i++) {
          const [plan] = await sql.unsafe(`explain (analyze, format json) ${q.sql}`, params);
          const top = (plan?.["QUERY PLAN"] as { "Execution Time": number; "Planning Time": number }[])[0]!;
          runs.push(top["Execution Time"] + top["Planning Time"]);
        }
        server[name] = p(runs, 0.5);
      }
      const [heaviest, heaviestMs] = Object.entries(raw).sort((a, b) => b[1] - a[1])[0]!;
      console.log(
        `raw p95 per query: ${Object.entries(raw)
          .map(([n, v]) => `${n} ${ms(v)}`)
          .join(", ")}`,
      );
      console.log(
        `PG planning + execution per query (EXPLAIN ANALYZE, median): ${Object.entries(server)
          .map(([n, v]) => `${n} ${ms(v)}`)
          .join(", ")} (the report runs its four parts as that one statement)`,
      );

      // Keeping clocks current: a step completion's writes (the event and the merchant row) in a
      // transaction that is rolled back, without and then with the refresh insertEvent runs.
      const open = args["report-only"]
        ? []
        : await sql`select id, current_stage from merchants where current_stage is not null
        and cancelled_at is null order by random() limit ${REFRESH_SAMPLES}`;
      const without: number[] = [];
      const withRefresh: number[] = [];
      const refreshCpu: number[] = [];
      for (const [i, { id, current_stage: stage }] of open.entries()) {
        for (const refresh of i % 2 ? [false, true] : [true, false]) {
          await db
            .transaction(async (tx) => {
              const s = performance.now();
              await tx.execute(dsql`insert into merchant_events (merchant_id, type, stage)
                values (${id}, 'stage_completed', ${stage})`);
              await tx.execute(
                dsql`update merchants set version = version + 1, last_activity_at = now() where id = ${id}`,
              );
              if (refresh) {
                const cpu = process.cpuUsage();
                await refreshMerchantClocks(tx, id as string);
                const used = process.cpuUsage(cpu);
                refreshCpu.push((used.user + used.system) / 1000);
              }
              (refresh ? withRefresh : without).push(performance.now() - s);
              tx.rollback();
            })
            .catch((error: unknown) => {
              if (!(error instanceof TransactionRollbackError)) throw error;
            });
        }
      }
      const added = (q: number) => p(withRefresh, q) - p(without, q);
      console.log("");
      if (result)
        line("full recompute of every clock (after a change)", `${recompute.toFixed(1)} s`, "< 60 s", recompute < 60);
      const reportP95 = p(report, 0.95);
      line("quarter report data loading, p95", ms(reportP95), "< 500 ms", reportP95 < 500);
      line(
        `  vs raw SQL of heaviest query (${heaviest}), p95`,
        `${(reportP95 / heaviestMs).toFixed(2)}×`,
        "≤ 1.2×",
        reportP95 <= heaviestMs * 1.2,
      );
      if (withRefresh.length)
        line("added per step completion (refresh clocks), p50", ms(added(0.5)), "< 5 ms", added(0.5) < 5);
      if (withRefresh.length)
        line("added per step completion (refresh clocks), p95", ms(added(0.95)), "< 5 ms", added(0.95) < 5);
      console.log(
        `(report p50 ${ms(p(report, 0.5))}, ${(p(report, 0.5) / p50Of[heaviest]!).toFixed(2)}× the heaviest raw p50; ` +
          `heaviest raw p95 ${ms(heaviestMs)}; completion without refresh ` +
          `p50/p95 ${ms(p(without, 0.5))}/${ms(p(without, 0.95))}, with ${ms(p(withRefresh, 0.5))}/` +
          `${ms(p(withRefresh, 0.95))}; refresh: 2 round trips, node CPU p50/p95 ${ms(p(refreshCpu, 0.5))}/` +
          `${ms(p(refreshCpu, 0.95))})`,
      );
      console.log(
        `(recompute after a change, every row rewritten: ${result?.merchants ?? 0} merchants in ${recompute.toFixed(1)} s = ` +
          `${((recompute * 1000) / Math.max(1, result?.merchants ?? 0)).toFixed(3)} ms per merchant, node CPU ` +
          `${(recomputeCpu / 1000).toFixed(1)} s; initial build into an empty table ${initial.toFixed(1)} s)`,
      );
      console.log(
        `load average ${loadavg()
          .map((l) => l.toFixed(2))
          .join(" ")}`,
      );
    } finally {
      await closeDb();
    }
  } finally {
    if (args.keep) console.log(`kept ${dbName} (rerun with --reuse ${dbName})`);
    else {
      await admin.unsafe(`drop database if exists "${dbName}" with (force)`);
      console.log(`dropped ${dbName}`);
    }
    await admin.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
