import type postgres from "postgres";

/**
 * Clock-relevant history for the SLA bench, set-based on top of `seedQueueVolume` (merchants,
 * steps, staff): each merchant's sign-up, its completed steps at their recorded times, a hold and
 * resume inside the current step for the merchants on hold, the cancellation of the cancelled;
 * then notes and reminders (which move no clock) up to `events` in total.
 */
export async function seedClockEvents(sql: postgres.Sql, events: number) {
  await sql.unsafe(`
    insert into merchant_events (merchant_id, type, stage, created_at)
    select id, 'signed_up'::merchant_event_type, 'signed_up'::stage, created_at from merchants`);
  await sql.unsafe(`
    insert into merchant_events (merchant_id, actor_id, type, stage, created_at)
    select merchant_id, completed_by, 'stage_completed'::merchant_event_type, stage, completed_at from merchant_steps where stage <> 'signed_up'`);
  await sql.unsafe(`
    insert into merchant_events (merchant_id, type, note, created_at)
    select id, 'held'::merchant_event_type, hold_reason, stage_entered_at + (now() - stage_entered_at) * 0.2 from merchants where on_hold
    union all
    select id, 'resumed'::merchant_event_type, null, stage_entered_at + (now() - stage_entered_at) * 0.4 from merchants where on_hold`);
  await sql.unsafe(`
    insert into merchant_events (merchant_id, type, note, created_at)
    select id, 'cancelled'::merchant_event_type, cancel_reason, cancelled_at from merchants where cancelled_at is not null`);
  const [{ n }] = (await sql`select count(*)::int as n from merchant_events`) as unknown as [{ n: number }];
  const rest = Math.max(0, events - n);
  await sql.unsafe(`
    insert into merchant_events (merchant_id, actor_id, type, note, created_at)
    select m.id, m.specialist_id, (array['note','reminder_sent','assigned','verification']::merchant_event_type[])[1 + g % 4],
      case when g % 4 = 0 then 'Called the merchant' end,
      m.created_at + (m.last_activity_at - m.created_at) * random()
    from generate_series(1, ${rest}) g
    join (select id, specialist_id, created_at, last_activity_at, row_number() over (order by id) rn from merchants) m
      on m.rn = 1 + g % (select count(*) from merchants)`);
  await sql.unsafe("vacuum analyze");
}
