/**
 * The domain's small error vocabulary. Verbs throw these; each transport maps them once:
 * server actions → `ActionResult` (lib/action-result.ts), route handlers → HTTP status
 * (lib/http-errors.ts), jobs → retry or UnrecoverableError, CLIs → exit codes.
 */
export class DomainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** No signed-in staff member (or the account was deactivated). */
export class UnauthenticatedError extends DomainError {
  constructor(message = "Please sign in.") {
    super(message);
  }
}

/** Signed in, but the role does not allow this. */
export class ForbiddenError extends DomainError {
  constructor(message = "Your role does not allow this.") {
    super(message);
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string) {
    super(`${what} was not found.`);
  }
}

/** Bad input; `fieldErrors` maps a field name to its messages for forms and APIs. */
export class ValidationError extends DomainError {
  constructor(
    message: string,
    public readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
  }
}

/** The thing already exists (e.g. a second sign-up for the same shop domain). */
export class ConflictError extends DomainError {
  constructor(
    message: string,
    public readonly existingId?: string,
  ) {
    super(message);
  }
}

/** A business rule refuses the change (prerequisite missing, merchant cancelled, …). */
export class RuleViolationError extends DomainError {}

/** Too many attempts; `retryAfterSeconds` tells the caller when to try again. */
export class RateLimitedError extends DomainError {
  constructor(
    message: string,
    public readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/** Which backing service a `DependencyUnavailableError` names (in messages, API bodies and pages). */
export const DEPENDENCY_LABELS = { database: "The database", redis: "The queue and sign-in service (Redis)" } as const;
export type Dependency = keyof typeof DEPENDENCY_LABELS;

/**
 * A backing service does not answer (down, restarting, overloaded). Not the caller's fault:
 * route handlers answer 503 with Retry-After, actions say nothing was saved, pages show the
 * "temporarily unavailable" state. `digest` survives Next's production error sanitising, so
 * an error boundary can still tell an outage from a bug.
 */
export class DependencyUnavailableError extends DomainError {
  readonly digest: string;
  constructor(
    public readonly dependency: Dependency,
    public readonly retryAfterSeconds = 10,
  ) {
    super(`${DEPENDENCY_LABELS[dependency]} is temporarily unavailable. Please try again in a minute.`);
    this.digest = `DEPENDENCY_UNAVAILABLE:${dependency}`;
  }
}
