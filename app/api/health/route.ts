import { checkReadiness } from "@/lib/readiness/check-readiness";

export const dynamic = "force-dynamic";

/** Liveness/readiness for load balancers and the e2e harness: 200 when PostgreSQL and Redis answer, else 503. */
export async function GET() {
  const readiness = await checkReadiness();
  return Response.json(
    { status: readiness.ok ? "ok" : "unavailable", ...readiness.checks },
    { status: readiness.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
