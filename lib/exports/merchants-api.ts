import { createHash, timingSafeEqual } from "node:crypto";
import { and, asc, gte, isNull, eq, type SQL } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { merchants, staffUsers } from "@/db/schema";
import { env } from "@/lib/env";
import { UnauthenticatedError } from "@/lib/errors";
import { STEPS } from "@/lib/pipeline/steps";

export const MERCHANTS_API_MAX_LIMIT = 200;

/** Query of GET /api/merchants; unknown or malformed values are a 400, not silently dropped. */
export const merchantsApiQuerySchema = z
  .object({
    step: z.enum([...STEPS.filter((s) => s !== "signed_up"), "done"]).optional(),
    updated_since: z.iso.datetime({ offset: true }).optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    limit: z.coerce.number().int().min(1).max(MERCHANTS_API_MAX_LIMIT).default(50),
  })
  .strict();

/** `Authorization: Bearer <CRM_API_TOKEN>`, compared in constant time; no token configured = refused. */
export function authenticateCrmCaller(authorization: string | null): void {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  const digest = (value: string) => createHash("sha256").update(value).digest();
  const expected = env.CRM_API_TOKEN;
  if (!expected || !match?.[1] || !timingSafeEqual(digest(match[1]), digest(expected)))
    throw new UnauthenticatedError("A valid CRM API token is required.");
}

/**
 * Read-only list for the CRM: contact and progress fields, never credentials. `updated_since`
 * is the merchant's last activity; order is oldest activity first (then id) so paging is stable.
 */
export async function listMerchantsForCrm(authorization: string | null, searchParams: URLSearchParams) {
  authenticateCrmCaller(authorization);
  const query = merchantsApiQuerySchema.parse(Object.fromEntries(searchParams));
  const where: (SQL | undefined)[] = [
    query.step === "done"
      ? isNull(merchants.currentStage)
      : query.step
        ? eq(merchants.currentStage, query.step)
        : undefined,
    query.updated_since ? gte(merchants.lastActivityAt, new Date(query.updated_since)) : undefined,
  ];
  const rows = await db
    .select({
      id: merchants.id,
      company: merchants.company,
      shopName: merchants.shopName,
      shopDomain: merchants.shopDomain,
      country: merchants.country,
      language: merchants.language,
      contactName: merchants.contactName,
      contactEmail: merchants.contactEmail,
      step: merchants.currentStage,
      onHold: merchants.onHold,
      cancelledAt: merchants.cancelledAt,
      specialist: staffUsers.name,
      createdAt: merchants.createdAt,
      updatedAt: merchants.lastActivityAt,
    })
    .from(merchants)
    .leftJoin(staffUsers, eq(staffUsers.id, merchants.specialistId))
    .where(and(...where))
    .orderBy(asc(merchants.lastActivityAt), asc(merchants.id))
    .limit(query.limit + 1)
    .offset((query.page - 1) * query.limit);
  const hasMore = rows.length > query.limit;
  return {
    data: rows.slice(0, query.limit).map((r) => ({ ...r, step: r.step ?? "done" })),
    page: query.page,
    limit: query.limit,
    nextPage: hasMore ? query.page + 1 : null,
  };
}
