import type postgres from "postgres";
import { STEP_OWNERS } from "@/lib/pipeline/pipeline";
import { STEPS } from "@/lib/pipeline/steps";

/**
 * Set-based seed for the queue benchmark: `insert … select from generate_series`, so 100,000
 * merchants and 1,000,000 events take seconds, not minutes. Distributions roughly follow the
 * demo data: half the merchants are done, 10% unassigned, 5% on hold, 5% cancelled, 15% on us1.
 */
export const SPECIALISTS = 20;

const NAMES = [
  "De Bron",
  "Het Wijnhuis",
  "Vinoteca",
  "Rheingold",
  "La Cave",
  "Druivenpers",
  "Sommelier",
  "Kelder 12",
  "Mosel",
  "Bordeaux Huis",
  "Wijnkoperij",
  "Grand Cru",
  "Vin Rouge",
  "Terroir",
  "Wijngaard",
  "Kurk",
  "Weinkontor",
  "Rebstock",
  "Traube",
  "Vinothek",
  "Domaine",
  "Chateau",
  "Bodega",
  "Enoteca",
];
const PREFIXES = ["Wijnhandel", "Weinhandlung", "Wine Merchant", "Cave", "Vinotheek", "Wijnhuis"];

const lit = (xs: readonly string[]) => `array[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(",")}]`;

// The domain tag is a multiplicative hash of g: random-looking, yet unique (a bijection mod 2^32).
/** Merchant steps in guide order after `signed_up`; `null` (done) takes the rest. */
const STEP_CUTS: [string, number][] = [
  ["user_created", 0.08],
  ["user_approved", 0.15],
  ["password_reset", 0.2],
  ["key_received", 0.3],
  ["secret_received", 0.37],
  ["key_verified", 0.44],
  ["live", 0.5],
];

export async function seedQueueVolume(sql: postgres.Sql, merchants: number, events: number) {
  await sql`select setseed(0.42)`;
  await sql.unsafe(`
    insert into staff_users (email, name, role)
    select 'specialist' || g || '@actenzo.test', 'Specialist ' || g, 'specialist'::staff_role from generate_series(1, ${SPECIALISTS}) g
    union all select 'lead@actenzo.test', 'Lea Lead', 'lead'::staff_role
    union all select 'admin@actenzo.test', 'Ada Admin', 'admin'::staff_role`);

  const stepCase = `case ${STEP_CUTS.map(([s, cut]) => `when r_stage < ${cut} then '${s}'::stage`).join(" ")} else null end`;
  const ownerCase = `case current_stage ${STEPS.map((s) => `when '${s}' then '${STEP_OWNERS[s]}'::owner`).join(" ")} end`;
  await sql.unsafe(`
    insert into merchants (company, shop_name, shop_domain, cluster, language, country, contact_name, contact_email,
      specialist_id, current_stage, ball_in_court, merchant_action_required, stage_entered_at, on_hold, hold_reason,
      cancelled_at, cancel_reason, last_activity_at, created_at, waiting_anchor_at)
    select prefix || ' ' || name, name || ' Webshop', domain,
      cluster, case when cluster = 'us1' then 'en' else lang end, case when cluster = 'us1' then 'US' else upper(country) end,
      'Contact ' || g, 'info.' || g || '@' || domain,
      specialist_id, current_stage,
      case when action_required then 'merchant'::owner else ${ownerCase} end,
      case when action_required then 'Tick the missing permission boxes' end,
      stage_entered_at, r_hold < 0.05, case when r_hold < 0.05 then 'Waiting for the merchant''s holiday' end,
      case when r_cancel < 0.05 then stage_entered_at + interval '1 day' end,
      case when r_cancel < 0.05 then 'Merchant stopped' end,
      stage_entered_at + (now() - stage_entered_at) * r_activity, stage_entered_at - interval '1 day' * (r_activity * 30),
      -- The Waiting sort's anchor (decision 0031): the step entry while a clock runs, as the migration seeds it.
      case when current_stage is not null and r_hold >= 0.05 then stage_entered_at end
    from (
      select *, ${stepCase} as current_stage,
        case when r_cluster < 0.15 then 'us1'::cluster else 'eu1'::cluster end as cluster,
        lower(regexp_replace(name, '[^A-Za-z0-9]+', '', 'g')) || '-' || lpad(to_hex((g::bigint * 2654435761) % 4294967296), 8, '0') || '.' ||
          case when r_cluster < 0.15 then 'com' else country end as domain,
        case when r_spec < 0.1 then null else spec[1 + floor(r_spec * 1000)::int % ${SPECIALISTS}] end as specialist_id,
        now() - interval '1 minute' * floor(r_time * 60 * 24 * 90) as stage_entered_at,
        r_action < 0.1 and ${stepCase} = 'key_verified' as action_required
      from (
        select g, random() r_stage, random() r_spec, random() r_time, random() r_activity, random() r_hold,
          random() r_cancel, random() r_cluster, random() r_action,
          (${lit(NAMES)})[1 + g % ${NAMES.length}] as name,
          (${lit(PREFIXES)})[1 + (g / ${NAMES.length}) % ${PREFIXES.length}] as prefix,
          (array['nl','nl','nl','be','de','de'])[1 + g % 6] as country,
          (array['nl','nl','nl','nl','de','de'])[1 + g % 6] as lang
        from generate_series(1, ${merchants}) g
      ) r,
      (select array_agg(id order by email) spec from staff_users where role = 'specialist') s
    ) m`);

  // Steps done before the current one (all of them for done merchants).
  const stepIndex = (col: string) => `array_position(enum_range(null::stage), ${col})`;
  await sql.unsafe(`
    insert into merchant_steps (merchant_id, stage, completed_at, completed_by)
    select m.id, s.stage, m.created_at + (m.stage_entered_at - m.created_at) * (${stepIndex("s.stage")}::float / 8), m.specialist_id
    from merchants m cross join unnest(enum_range(null::stage)) as s(stage)
    where m.current_stage is null or ${stepIndex("s.stage")} < ${stepIndex("m.current_stage")}`);

  await sql.unsafe(`
    insert into merchant_events (merchant_id, actor_id, type, stage, note, created_at)
    select m.id, m.specialist_id,
      (array['stage_completed','note','assigned','reminder_sent','verification','stage_completed']::merchant_event_type[])[1 + g % 6],
      case when g % 6 in (0, 5) then m.current_stage end,
      case when g % 6 = 1 then 'Called the merchant, will send the key tomorrow' end,
      m.created_at + (m.last_activity_at - m.created_at) * random()
    from generate_series(1, ${events}) g
    join (select id, specialist_id, current_stage, created_at, last_activity_at, row_number() over (order by id) rn from merchants) m
      on m.rn = 1 + g % ${merchants}`);

  await sql.unsafe("vacuum analyze");
}
