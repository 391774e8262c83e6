import { inArray } from "drizzle-orm";
import { db, sql } from "@/db/client";
import { outboxEmails } from "@/db/schema";
import type { Role } from "@/lib/auth/roles";
import { env } from "@/lib/env";
import { loadAgencyCalendar } from "@/lib/sla/sla-context";
import { agencyTimeZone } from "@/lib/staff/time-zone";
import { dueDigests, type DigestCandidate, type DueDigest } from "./due-digests";
import { renderDigest } from "./email/render-digest";
import { leadDigest } from "./lead-digest";
import { loadLeadDigest } from "./load-lead-digest";
import { loadSpecialistDigest } from "./load-specialist-digest";
import { specialistDigest } from "./specialist-digest";

type StaffRow = {
  id: string;
  email: string;
  name: string;
  role: Role;
  time_zone: string;
  daily: boolean;
  weekly: boolean;
  has_open: boolean;
};

export type DigestPlanResult = { due: number; planned: number; ids: string[] };

/**
 * Plans the digests due at `now` (dueDigests: 08:00 on a working day in each person's zone) for
 * active staff who did not opt out, skipping keys already in the outbox; renders each (a snapshot
 * of that moment) and writes one outbox row per key. Two planners racing insert one row: the
 * unique dedupe key refuses the second, and the mailer's claim sends it once (decision 0032).
 * `staffId` and `force` serve the send-now command (one person, outside the time window).
 */
export async function planDueDigests(
  now = new Date(),
  options: { staffId?: string; force?: boolean } = {},
): Promise<DigestPlanResult> {
  const agency = await loadAgencyCalendar();
  const staff = await sql<StaffRow[]>`
    select s.id, s.email, s.name, s.role, coalesce(s.time_zone, ${agencyTimeZone()}) as time_zone,
      coalesce(p.daily, true) as daily, coalesce(p.weekly, true) as weekly,
      exists (select 1 from merchants m
        where m.specialist_id = s.id and m.cancelled_at is null and m.current_stage is not null) as has_open
    from staff_users s
    left join staff_digest_preferences p on p.staff_id = s.id
    where s.active and not s.approval_pending
      and (${options.staffId ?? null}::uuid is null or s.id = ${options.staffId ?? null}::uuid)`;
  const candidates: DigestCandidate[] = staff.map((s) => ({
    staffId: s.id,
    role: s.role,
    timeZone: s.time_zone,
    daily: s.daily,
    weekly: s.weekly,
    hasOpenMerchants: s.has_open,
  }));
  const due = dueDigests(candidates, now, agency, { force: options.force });
  if (!due.length) return { due: 0, planned: 0, ids: [] };

  const existing = await db
    .select({ key: outboxEmails.dedupeKey })
    .from(outboxEmails)
    .where(
      inArray(
        outboxEmails.dedupeKey,
        due.map((d) => d.dedupeKey),
      ),
    );
  const done = new Set(existing.map((e) => e.key));
  const byId = new Map(staff.map((s) => [s.id, s]));
  // Every lead's weekly digest lists the same agency-wide facts: read them once per tick.
  let leadFacts: ReturnType<typeof loadLeadDigest> | undefined;
  const ids: string[] = [];
  for (const digest of due.filter((d) => !done.has(d.dedupeKey))) {
    const person = byId.get(digest.staffId)!;
    const view = await digestView(digest, person, now, () => (leadFacts ??= loadLeadDigest(now)));
    const mail = await renderDigest(view);
    const [row] = await db
      .insert(outboxEmails)
      .values({
        dedupeKey: digest.dedupeKey,
        kind: digest.kind,
        staffId: digest.staffId,
        dueAt: now,
        createdAt: now,
        toEmail: person.email,
        language: "en",
        subject: mail.subject,
        textBody: mail.text,
        htmlBody: mail.html,
      })
      .onConflictDoNothing({ target: outboxEmails.dedupeKey })
      .returning({ id: outboxEmails.id });
    if (row) ids.push(row.id);
  }
  return { due: due.length, planned: ids.length, ids };
}

async function digestView(
  digest: DueDigest,
  person: StaffRow,
  now: Date,
  leadFacts: () => ReturnType<typeof loadLeadDigest>,
) {
  const common = { name: person.name, zone: digest.zone, now, appUrl: env.APP_URL };
  if (digest.kind === "weekly_digest") return leadDigest({ ...common, ...(await leadFacts()) });
  const data = await loadSpecialistDigest(person.id, now);
  return specialistDigest({ ...common, ...data, closesAt: digest.day.closesAt });
}
