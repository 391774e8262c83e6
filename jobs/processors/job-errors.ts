import { UnrecoverableError } from "bullmq";
import { DomainError, RateLimitedError } from "@/lib/errors";

/**
 * The job transport's mapping of the domain error vocabulary: a domain error (not found, rule
 * violation, validation) will fail the same way on every retry, so it fails the job at once;
 * anything else (network, database restart, Lightspeed) is retried with backoff.
 */
export function asJobError(error: unknown): unknown {
  if (error instanceof DomainError && !(error instanceof RateLimitedError))
    return new UnrecoverableError(`${error.name}: ${error.message}`);
  return error;
}
