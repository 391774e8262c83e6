import { and, count, desc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import { db } from "@/db/client";
import { auditLog, merchants, staffUsers } from "@/db/schema";
import { authorize, type StaffActor } from "@/lib/auth/actor";
import { parseLocalDate } from "@/lib/time/wall-clock";
import { AUDIT_CSV_LIMIT, AUDIT_PAGE_SIZE, LEAD_AUDIT_ACTIONS, type AuditParams } from "./audit-params";
import { describeAuditEntry } from "./describe-audit-entry";

export type AuditEntry = { id: number; at: Date; actorName: string | null; action: string; text: string };
export type AuditPage = { entries: AuditEntry[]; total: number; page: number; pageSize: number };

/** The merchant an entry is about: the entity itself, or the merchant a credential or link belongs to. */
const merchantOf = sql<
  string | null
>`case when ${auditLog.entityType} = 'merchant' then ${auditLog.entityId} else ${auditLog.details}->>'merchantId' end`;

/**
 * The audit trail, newest first, in words. Admins read everything; leads only secret reveals and
 * assignments. The period is whole calendar days in `zone` (the viewer's). `all` is for the CSV.
 */
export async function listAuditEntries(
  actor: StaffActor | null,
  params: AuditParams,
  zone: string,
  options: { all?: boolean } = {},
): Promise<AuditPage> {
  authorize(actor, "audit:read");
  const where = and(...conditions(actor, params, zone));
  const page = options.all ? 1 : (params.page ?? 1);
  const pageSize = options.all ? AUDIT_CSV_LIMIT : AUDIT_PAGE_SIZE;
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    db
      .select({
        id: auditLog.id,
        at: auditLog.createdAt,
        actorId: auditLog.actorId,
        action: auditLog.action,
        entityType: auditLog.entityType,
        entityId: auditLog.entityId,
        details: auditLog.details,
        merchantName: merchants.shopName,
      })
      .from(auditLog)
      .leftJoin(merchants, sql`${merchants.id}::text = ${merchantOf}`)
      .where(where)
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(auditLog).where(where),
  ]);
  const names = await staffNames(rows);
  const nameOf = (id: unknown) => names.get(String(id)) ?? "a former colleague";
  const entries = rows.map((r) => {
    const actorName = r.actorId ? nameOf(r.actorId) : null;
    const text = describeAuditEntry({
      action: r.action,
      actorName,
      merchantName: r.merchantName,
      staffName: r.entityType === "staff_user" ? nameOf(r.entityId) : null,
      details: r.details ?? {},
      nameOf,
    });
    return { id: r.id, at: r.at, actorName, action: r.action, text };
  });
  return { entries, total, page, pageSize };
}

function conditions(actor: StaffActor, p: AuditParams, zone: string): (SQL | undefined)[] {
  const from = p.from ? parseLocalDate(p.from, zone) : null;
  const to = p.to ? parseLocalDate(p.to, zone) : null;
  return [
    actor.role === "admin" ? undefined : inArray(auditLog.action, [...LEAD_AUDIT_ACTIONS]),
    p.actor ? eq(auditLog.actorId, p.actor) : undefined,
    p.action ? eq(auditLog.action, p.action) : undefined,
    p.merchant ? sql`${merchantOf} = ${p.merchant}` : undefined,
    from ? gte(auditLog.createdAt, from.start) : undefined,
    to ? lt(auditLog.createdAt, to.end) : undefined,
  ];
}

/** Names for every staff id the rows mention: actors, staff entities, assignees, hand-over receivers. */
async function staffNames(
  rows: { actorId: string | null; entityType: string; entityId: string; details: Record<string, unknown> | null }[],
) {
  const ids = new Set<string>();
  for (const r of rows) {
    if (r.actorId) ids.add(r.actorId);
    if (r.entityType === "staff_user") ids.add(r.entityId);
    for (const key of ["from", "to"]) if (typeof r.details?.[key] === "string") ids.add(r.details[key] as string);
    const handOver = r.details?.handOver as { to?: { staffId: string }[] } | undefined;
    for (const t of handOver?.to ?? []) ids.add(t.staffId);
  }
  const uuids = [...ids].filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  if (!uuids.length) return new Map<string, string>();
  const found = await db
    .select({ id: staffUsers.id, name: staffUsers.name })
    .from(staffUsers)
    .where(inArray(staffUsers.id, uuids));
  return new Map(found.map((s) => [s.id, s.name]));
}
