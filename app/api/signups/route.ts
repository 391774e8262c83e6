import { UnauthenticatedError } from "@/lib/errors";
import { errorResponse } from "@/lib/http-errors";
import { createMerchant, signupInputSchema } from "@/lib/onboarding";
import { authenticateSignupsCaller, readJsonBody } from "@/lib/onboarding/signups-api";

/**
 * POST /api/signups: the sign-up portal creates a merchant.
 * 201 {id} · 400 {error, fieldErrors} · 401 bad token · 409 {error, id} for a known shop domain.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    const actor = authenticateSignupsCaller(request.headers.get("authorization"));
    const input = signupInputSchema.parse(await readJsonBody(request));
    const { id } = await createMerchant(actor, input);
    return Response.json({ id }, { status: 201, headers: { Location: `/merchants/${id}` } });
  } catch (error) {
    const response = errorResponse(error);
    if (error instanceof UnauthenticatedError) response.headers.set("WWW-Authenticate", 'Bearer realm="signups"');
    return response;
  }
}
