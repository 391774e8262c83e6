import { sql as dsql, type SQL } from "drizzle-orm";
import { STATE_COLUMN } from "./report-state";

export type ReportQueries = { decided: SQL; times: SQL; funnel: SQL; workload: SQL };

/**
 * The report's four queries as one statement: each becomes a JSON array column of its rows. One
 * round trip on one pooled connection per report, instead of four connections at once: a lead's
 * report does not take four of the pool's connections from the queue views, and the loader's time
 * is the statement's plus parsing, nothing else (decision 0038). Rows keep their column names;
 * numbers arrive as JSON numbers, so the loader's `Number(...)` reads both shapes. A fifth column,
 * `state`, is the agency zone and summary state the statement ran under (report-state.ts).
 */
export function reportStatement(q: ReportQueries): SQL {
  const rows = (query: SQL) => dsql`(select coalesce(json_agg(r), '[]'::json) from (${query}) r)`;
  return dsql`select ${rows(q.decided)} as decided, ${rows(q.times)} as times,
    ${rows(q.funnel)} as funnel, ${rows(q.workload)} as workload, ${STATE_COLUMN} as state`;
}
