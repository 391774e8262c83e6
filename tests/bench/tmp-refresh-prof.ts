import { performance } from "node:perf_hooks";
import { sql as dsql, TransactionRollbackError } from "drizzle-orm";
import { loadEnvFile } from "@/lib/load-env-file";
import { resetEnvCache } from "@/lib/env";
import { TEST_ENV } from "@/tests/helpers/test-env";
import { ownerDatabaseUrl } from "@/db/database-urls";

loadEnvFile();
for (const [key, value] of Object.entries(TEST_ENV)) if (key !== "NODE_ENV") process.env[key] ??= value;
const u = new URL(ownerDatabaseUrl()); u.pathname = "/bench_sla_main";
process.env.DATABASE_URL = u.toString();
resetEnvCache();
async function main() {
  const { sql, db, closeDb } = await import("@/db/client");
  const { loadClockFacts } = await import("@/lib/sla/clock-facts");
  const { writeClockState } = await import("@/lib/sla/clock-rows-store");
  const { merchantClockState } = await import("@/lib/sla/merchant-clock-state");
  const { calendarInput, merchantCalendar } = await import("@/lib/sla/sla-context");
  const open = await sql`select id, current_stage from merchants where current_stage is not null and cancelled_at is null order by random() limit 400`;
  const t = { load: [] as number[], loadCpu: [] as number[], compute: [] as number[], write: [] as number[], writeCpu: [] as number[] };
  const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
  const { readFileSync } = await import("node:fs");
  const pids = new Set<number>();
  const pgCpu = () => [...pids].reduce((sum, pid) => { const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" "); return sum + Number(f[11]) + Number(f[12]); }, 0) * 10;
  let pgStart = 0;
  for (const [i, { id, current_stage: stage }] of open.entries()) {
    if (i === 50) pgStart = pgCpu();
    await db.transaction(async (tx) => {
      if (i < 50) { const [r] = await tx.execute(dsql`select pg_backend_pid() as pid`); pids.add(Number((r as { pid: number }).pid)); }
      if (false) await tx.execute(dsql.raw("load 'auto_explain'; set local auto_explain.log_min_duration = 0; set local auto_explain.log_analyze = on; set local auto_explain.log_nested_statements = on; set local auto_explain.log_triggers = on"));
      await tx.execute(dsql`insert into merchant_events (merchant_id, type, stage) values (${id}, 'stage_completed', ${stage})`);
      const now = new Date();
      let s = performance.now(); let c = cpu();
      const facts = await loadClockFacts(tx, { merchantId: id as string }, now);
      if (i >= 50) { t.load.push(performance.now() - s); t.loadCpu.push(cpu() - c); }
      s = performance.now();
      const merchant = facts.merchants[0]!;
      const calendars = { agency: facts.agency, merchant: merchantCalendar(calendarInput(merchant.calendar)) };
      const state = merchantClockState({ ...facts, ...merchant, calendars, now });
      if (i >= 50) t.compute.push(performance.now() - s);
      s = performance.now(); c = cpu();
      await writeClockState(tx, [{ merchantId: id as string, ...state }], now);
      if (i >= 50) { t.write.push(performance.now() - s); t.writeCpu.push(cpu() - c); }
      tx.rollback();
    }).catch((e: unknown) => { if (!(e instanceof TransactionRollbackError)) throw e; });
  }
  console.log("PG backend CPU per iteration ms", ((pgCpu() - pgStart) / (open.length - 50)).toFixed(3), "backends", pids.size);
  const p = (v: number[], q: number) => [...v].sort((a, b) => a - b)[Math.ceil(q * v.length) - 1]!.toFixed(2);
  for (const [k, v] of Object.entries(t)) console.log(k.padEnd(10), "p50", p(v, 0.5), "p95", p(v, 0.95), "max", p(v, 1));
  await closeDb();
}
main();
