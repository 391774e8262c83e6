import { randomUUID } from "node:crypto";
import { z } from "zod";
import {
  ConflictError,
  DomainError,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  RuleViolationError,
  UnauthenticatedError,
  ValidationError,
} from "./errors";
import { toDependencyUnavailable, warnUnavailable } from "./dependency-unavailable";
import { createLogger } from "./logger";

const log = createLogger("http");

/** Maps a thrown error to a JSON response, once for every route handler. */
export function errorResponse(error: unknown): Response {
  const unavailable = toDependencyUnavailable(error);
  if (unavailable) {
    // Not a bug: a throttled line naming the dependency, never the failed query or its values.
    warnUnavailable(log, unavailable);
    return Response.json(
      { error: unavailable.message, dependency: unavailable.dependency },
      { status: 503, headers: { "Retry-After": String(unavailable.retryAfterSeconds), "Cache-Control": "no-store" } },
    );
  }
  if (error instanceof z.ZodError) {
    return Response.json(
      { error: "Invalid request body.", fieldErrors: z.flattenError(error).fieldErrors },
      { status: 400 },
    );
  }
  if (error instanceof ValidationError)
    return Response.json({ error: error.message, fieldErrors: error.fieldErrors }, { status: 400 });
  if (error instanceof UnauthenticatedError) return Response.json({ error: error.message }, { status: 401 });
  if (error instanceof ForbiddenError) return Response.json({ error: error.message }, { status: 403 });
  if (error instanceof NotFoundError) return Response.json({ error: error.message }, { status: 404 });
  if (error instanceof ConflictError)
    return Response.json({ error: error.message, id: error.existingId }, { status: 409 });
  if (error instanceof RuleViolationError) return Response.json({ error: error.message }, { status: 422 });
  if (error instanceof RateLimitedError) {
    return Response.json(
      { error: error.message },
      { status: 429, headers: { "Retry-After": String(error.retryAfterSeconds) } },
    );
  }
  if (error instanceof DomainError) return Response.json({ error: error.message }, { status: 400 });
  // The request id ties the caller's report to this log line, which never holds their input.
  const requestId = randomUUID();
  log.error("route handler failed", { requestId, error });
  return Response.json({ error: "Internal error.", requestId }, { status: 500 });
}
