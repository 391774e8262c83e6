import { sql as dsql } from "drizzle-orm";
import { executePrepared } from "@/db/execute-prepared";
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
 *
 * Most merchants have no key at all: no key_health row and no credential being collected or in
 * use. Those "bare" merchants are all `no_key` with nothing else to show, so they are not run
 * through the listing: they are counted, and only the first `offset + page size` of them by
 * company (an index scan) join the page. The listing itself covers the merchants with a key
 * ("keyed"), a small set. Computing every merchant's state and sorting them all cost ~80 ms of
 * SQL per /health view at 100,000 merchants, three times over (tests/bench/pages.ts).
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
  ), keyed_ids as (
    select merchant_id from key_health
    union select merchant_id from merchant_credentials where status in ('collecting', 'verifying', 'rejected', 'active')
  ), keyed as (
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
    from keyed_ids k
    join merchants m on m.id = k.merchant_id
    left join key_health kh on kh.merchant_id = m.id
    left join active a on a.merchant_id = m.id
    left join pending p on p.merchant_id = m.id
    where m.cancelled_at is null
  )`;

/** Merchants without any key: `no_key`, cluster from the sign-up, nothing else known. */
const bareMerchants = (cluster: string | undefined) => dsql`from merchants m
  where m.cancelled_at is null ${cluster ? dsql`and m.cluster = ${cluster}` : dsql``}
    and not exists (select 1 from keyed_ids k where k.merchant_id = m.id)`;

/**
 * How many bare merchants there are: the active merchants (kept per cluster by triggers, decision
 * 0045) less the active ones with a key. Counting the bare ones directly read every merchant on
 * every /health view (~10 ms of PostgreSQL per view at 100,000 merchants).
 */
const bareCount = (
  cluster: string | undefined,
) => dsql`(select coalesce(sum(active), 0)::int from merchant_active_counts
    ${cluster ? dsql`where cluster = ${cluster}` : dsql``})
  - (select count(*)::int from keyed_ids k join merchants m on m.id = k.merchant_id and m.cancelled_at is null
    ${cluster ? dsql`and m.cluster = ${cluster}` : dsql``})`;

const PROBLEM_ORDER = dsql`case state when 'rejected' then 0 when 'permission_gap' then 1 when 'platform_error' then 2
  when 'rate_limited' then 3 when 'secret_only' then 4 when 'key_only' then 5 when 'no_key' then 6 when 'healthy' then 8 else 7 end`;

/**
 * One page, and the per-state counts (which ignore the state filter: they label the state chips;
 * the total is their sum over the chosen states). Two prepared statements in parallel.
 */
export async function listKeyHealth(
  actor: Actor,
  params: HealthParams,
): Promise<{ rows: KeyHealthRow[]; total: number; counts: Partial<Record<KeyHealthState, number>> }> {
  authorize(actor, "health:read");
  const byCluster = params.cluster ? dsql`where cluster = ${params.cluster}` : dsql``;
  const states = params.state as string[];
  const byState = states.length
    ? dsql`where state in (${dsql.join(
        states.map((s) => dsql`${s}`),
        dsql`, `,
      )})`
    : dsql``;
  const withBare = !states.length || states.includes("no_key");
  const offset = (params.page - 1) * HEALTH_PAGE_SIZE;
  // Bare merchants all tie on state and next check, so the first `offset + page` of them by
  // company are the only ones that can reach this page.
  const bare = dsql`union all (select m.id, m.company, m.shop_name, 'no_key', m.cluster::text, null, null, null, 0, false,
      null, null ${bareMerchants(params.cluster)} order by m.company limit ${offset + HEALTH_PAGE_SIZE})`;

  const [rows, counts] = await Promise.all([
    executePrepared<Record<string, unknown>>(dsql`${listing}
      select * from (select * from (select * from keyed ${byCluster}) k ${byState} ${withBare ? bare : dsql``}) listed
      order by ${PROBLEM_ORDER}, next_check_at asc nulls last, company asc limit ${HEALTH_PAGE_SIZE} offset ${offset}`),
    executePrepared<{ state: string | null; n: number }>(dsql`${listing}
      select state, count(*)::int as n from keyed ${byCluster} group by state
      union all select 'no_key', ${bareCount(params.cluster)}`),
  ]);

  const allCounts = new Map<string | null, number>();
  for (const { state, n } of counts) allCounts.set(state, (allCounts.get(state) ?? 0) + n);
  let total = 0;
  for (const [state, n] of allCounts) if (!states.length || (state !== null && states.includes(state))) total += n;
  return {
    rows: rows.map((r) => ({
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
    counts: Object.fromEntries([...allCounts].filter(([state, n]) => state !== null && n > 0)) as Partial<
      Record<KeyHealthState, number>
    >,
  };
}
