import { requireActor } from "@/lib/auth/session";
import { errorResponse } from "@/lib/http-errors";
import { getVerificationStatus } from "@/lib/verification";

type Context = { params: Promise<{ id: string }> };

/**
 * GET /api/merchants/:id/verification?job=<jobId>: what the "Verify now" button polls until the
 * run lands. Staff session required. 200 {latestRun, job} · 404 malformed or unknown id · 401 · 403.
 */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  try {
    const actor = await requireActor();
    const { id } = await params;
    const jobId = new URL(request.url).searchParams.get("job") ?? undefined;
    const status = await getVerificationStatus(actor, { merchantId: id, jobId });
    return Response.json(status, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
