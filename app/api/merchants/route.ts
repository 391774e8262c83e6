import { listMerchantsForCrm } from "@/lib/exports/merchants-api";
import { errorResponse } from "@/lib/http-errors";

/** GET /api/merchants: the CRM's read-only, paged merchant list (see README "## Exports"). */
export async function GET(request: Request) {
  try {
    const result = await listMerchantsForCrm(request.headers.get("authorization"), new URL(request.url).searchParams);
    return Response.json(result, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
