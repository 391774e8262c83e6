import { sql as dsql } from "drizzle-orm";
import { db } from "@/db/client";
import { authorize, type Actor } from "@/lib/auth/actor";
import type { Cluster } from "@/lib/lightspeed/clusters";
import type { RateLimitState } from "@/lib/lightspeed/vocabulary";
import { HEALTH_PAGE_SIZE, type HealthParams } from "./health-params";
import type { KeyHealthState } from "./states";

export type KeyHealthRow = {
  merchantId: string;
  company: string;
  shopName: string;
  /** Null: a complete pair waiting for its first verification. */
  state: KeyHealthState | null;
  cluster: Cluster | null;
  keyFingerprint: string | null;
  lastCheckAt: Date | null;
  nextCheckAt: Date | null;
  consecutiveFailures: number;
  alertOpen: boolean;
  alertReason: string | null;
  rateLimit: RateLimitState | null;
};

/**
 * Every merchant's key as the monitor sees it: monitored pairs from key_health, and for the
 * others (no verified pair yet) a state derived from the pair being collected and its last run.
 * Filtered by state and cluster (the URL), problems first, then by next check. Cancelled
 * merchants are left out.
 */
const listing = dsql`
  with pending as (
    select distinct on (c.merchant_id) c.merchant_id, c.id, c.key_ciphertext is not null as has_key,
      c.secret_ciphertext is not null as has_secret, c.key_fingerprint, c.next_recheck_at
    from merchant_credentials c
    where c.status in ('collecting', 'verifying', 'rejected')
    order by c.merchant_id, c.created_at desc
  ), active as (
    select merchant_id, key_fingerprint from merchant_credentials where status = 'active'
  ), keys as (
    select m.id as merchant_id, m.company, m.shop_name,
      coalesce(kh.state::text, case
        when p.merchant_id is null or not (p.has_key or p.has_secret) then 'no_key'
        when p.has_key and not p.has_secret then 'key_only'
        when p.has_secret and not p.has_key then 'secret_only'
        else (select case r.verdict when 'invalid_credentials' then 'rejected' when 'incomplete_permissions' then 'permission_gap'
                when 'rate_limited' then 'rate_limited' when 'unreachable' then 'platform_error' end
              from verification_runs r where r.credential_id = p.id order by r.created_at desc limit 1)
      end) as state,
      coalesce(kh.cluster, m.cluster)::text as cluster,
      coalesce(a.key_fingerprint, p.key_fingerprint) as key_fingerprint,
      kh.last_check_at,
      -- A pending pair short of permissions is re-checked on its own cadence (sweep-gap-rechecks.ts).
      case when kh.merchant_id is null then p.next_recheck_at
        when kh.next_check_at is null then null else least(kh.next_light_check_at, kh.next_full_check_at) end as next_check_at,
      coalesce(kh.consecutive_failures, 0) as consecutive_failures,
      coalesce(kh.alert_open, false) as alert_open, kh.alert_reason, kh.last_rate_limit
    from merchants m
    left join key_health kh on kh.merchant_id = m.id
    left join active a on a.merchant_id = m.id
    left join pending p on p.merchant_id = m.id
    where m.cancelled_at is null
  )`;

const PROBLEM_ORDER = dsql`case state when 'rejected' then 0 when 'permission_gap' then 1 when 'platform_error' then 2
  when 'rate_limited' then 3 when 'secret_only' then 4 when 'key_only' then 5 when 'no_key' then 6 when 'healthy' then 8 else 7 end`;

/** Decodes the `counts` column: postgres.js may hand json over parsed or as text. */
function parseCounts(value: unknown): Record<string, number> {
  if (!value) return {};
  return (typeof value === "string" ? JSON.parse(value) : value) as Record<string, number>;
}

/**
 * One statement for the page, the total and the per-state counts: the listing is computed once
 * (materialised, since the counts and the page both read it) instead of once per figure, which
 * was three full passes over every merchant's credentials per /health view (tests/bench/pages.ts).
 * The counts ignore the state filter (they label the state chips), so the total is their sum
 * over the chosen states. The page rides on the counts row, which always exists.
 */
export async function listKeyHealth(
  actor: Actor,
  params: HealthParams,
): Promise<{ rows: KeyHealthRow[]; total: number; counts: Partial<Record<KeyHealthState, number>> }> {
  authorize(actor, "health:read");
  const byCluster = params.cluster ? dsql`where cluster = ${params.cluster}` : dsql``;
  const byState = params.state.length
    ? dsql`where state in (${dsql.join(
        params.state.map((s) => dsql`${s}`),
        dsql`, `,
      )})`
    : dsql``;
  const offset = (params.page - 1) * HEALTH_PAGE_SIZE;

  const rows = await db.execute<Record<string, unknown>>(dsql`${listing}, viewed as materialized (
      select * from keys ${byCluster}
    ), page as (
      select * from viewed ${byState}
      order by ${PROBLEM_ORDER}, next_check_at asc nulls last, company asc limit ${HEALTH_PAGE_SIZE} offset ${offset}
    ), counts as (
      select coalesce(json_object_agg(coalesce(state, ''), n), '{}') as counts
      from (select state, count(*)::int as n from viewed group by state) c
    )
    select counts.counts, page.* from counts left join page on true
    order by ${PROBLEM_ORDER}, next_check_at asc nulls last, company asc`);

  const allCounts = parseCounts(rows[0]?.counts);
  const total = Object.entries(allCounts)
    .filter(([state]) => !params.state.length || (params.state as string[]).includes(state))
    .reduce((sum, [, n]) => sum + n, 0);
  return {
    rows: rows
      .filter((r) => r.merchant_id != null)
      .map((r) => ({
        merchantId: String(r.merchant_id),
        company: String(r.company),
        shopName: String(r.shop_name),
        state: (r.state as KeyHealthState | null) ?? null,
        cluster: (r.cluster as Cluster | null) ?? null,
        keyFingerprint: (r.key_fingerprint as string | null) ?? null,
        lastCheckAt: r.last_check_at ? new Date(r.last_check_at as string) : null,
        nextCheckAt: r.next_check_at ? new Date(r.next_check_at as string) : null,
        consecutiveFailures: Number(r.consecutive_failures),
        alertOpen: Boolean(r.alert_open),
        alertReason: (r.alert_reason as string | null) ?? null,
        rateLimit: (r.last_rate_limit as RateLimitState | null) ?? null,
      })),
    total,
    counts: Object.fromEntries(Object.entries(allCounts).filter(([state]) => state !== "")) as Partial<
      Record<KeyHealthState, number>
    >,
  };
}
