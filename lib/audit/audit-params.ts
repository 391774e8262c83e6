import { z } from "zod";
import { dayParam } from "@/lib/validation/day-param";

export const AUDIT_PAGE_SIZE = 50;
/** A CSV is one download, not a data dump: the filtered rows up to this many, newest first. */
export const AUDIT_CSV_LIMIT = 10_000;
/** What a lead may read: who revealed which secret, and who assigned which merchant. */
export const LEAD_AUDIT_ACTIONS = ["credentials.reveal_secret", "merchant.assigned"] as const;

const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(one, schema.optional()).catch(undefined);

/**
 * The audit trail's URL contract (`/admin/audit` and its CSV): actor, action, merchant and a
 * period of calendar days in the viewer's zone. A malformed value is dropped, not an error page.
 */
export const auditParamsSchema = z.object({
  actor: optional(z.uuid()),
  action: optional(z.string().regex(/^[a-z_]+\.[a-z_]+$/)),
  merchant: optional(z.uuid()),
  from: optional(dayParam),
  to: optional(dayParam),
  page: optional(z.coerce.number().int().min(1).max(100_000)),
});
export type AuditParams = z.infer<typeof auditParamsSchema>;

export function parseAuditParams(raw: Record<string, string | string[] | undefined> | URLSearchParams): AuditParams {
  const record = raw instanceof URLSearchParams ? Object.fromEntries(raw) : raw;
  return auditParamsSchema.parse(record);
}

/** The query string for these filters (page 1 unless given), for links and the CSV button. */
export function serializeAuditParams(params: AuditParams, page?: number): string {
  const query = new URLSearchParams();
  for (const key of ["actor", "action", "merchant", "from", "to"] as const) {
    const value = params[key];
    if (value) query.set(key, value);
  }
  if (page && page > 1) query.set("page", String(page));
  const text = query.toString();
  return text ? `?${text}` : "";
}
