import { randomUUID } from "node:crypto";
import { z } from "zod";
import { unstable_rethrow } from "next/navigation";
import { DomainError, RateLimitedError, ValidationError } from "./errors";
import { toDependencyUnavailable, warnUnavailable } from "./dependency-unavailable";
import { createLogger } from "./logger";

const log = createLogger("action");

/** What every server action returns to its form: success with data, or a message and field errors. */
export type ActionResult<T = undefined> =
  { ok: true; data: T; message?: string } | { ok: false; error: string; fieldErrors?: Record<string, string[]> };

/**
 * Runs a server action body and maps domain errors to a result the form can show. Next's
 * redirect()/notFound() are rethrown (never swallowed); unknown errors are logged and hidden.
 */
export async function runAction<T>(body: () => Promise<T>, successMessage?: string): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await body(), message: successMessage };
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof z.ZodError) {
      return {
        ok: false,
        error: "Please correct the highlighted fields.",
        fieldErrors: z.flattenError(error).fieldErrors as Record<string, string[]>,
      };
    }
    if (error instanceof ValidationError) return { ok: false, error: error.message, fieldErrors: error.fieldErrors };
    if (error instanceof RateLimitedError) return { ok: false, error: error.message };
    const unavailable = toDependencyUnavailable(error);
    if (unavailable) {
      warnUnavailable(log, unavailable);
      return { ok: false, error: `${unavailable.message} Nothing was saved.` };
    }
    if (error instanceof DomainError) return { ok: false, error: error.message };
    // The reference ties what the user reports to this log line, which never holds their input.
    const requestId = randomUUID();
    log.error("server action failed", { requestId, error });
    return {
      ok: false,
      error: `Something went wrong on our side. The team has been notified; please try again. (Reference ${requestId.slice(0, 8)})`,
    };
  }
}
