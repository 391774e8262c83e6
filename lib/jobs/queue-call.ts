import { DomainError } from "@/lib/errors";

/** How long a request waits on the job queue (Redis) before it says so. */
export const QUEUE_DEADLINE_MS = 3_000;

/** The job queue (Redis) cannot be reached: the person is told to try again shortly. */
export class QueueUnavailableError extends DomainError {
  constructor(
    message = "The job queue is unavailable right now (Redis cannot be reached). Please try again in a minute.",
  ) {
    super(message);
  }
}

/**
 * Runs queue calls made while serving a request with a deadline. A connection that was never
 * ready makes BullMQ wait for "ready" without any timeout of its own (a fresh process during a
 * Redis outage waited 10 minutes), so the deadline is the only bound there; a connection error
 * or a command timeout becomes QueueUnavailableError too. Domain errors pass through.
 */
export async function queueCall<T>(
  work: () => Promise<T>,
  options: { deadlineMs?: number; message?: string } = {},
): Promise<T> {
  const attempt = work();
  // The loser of the race may still reject later: that must not become an unhandled rejection.
  attempt.catch(() => {});
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new QueueUnavailableError(options.message)),
      options.deadlineMs ?? QUEUE_DEADLINE_MS,
    );
  });
  try {
    return await Promise.race([attempt, deadline]);
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new QueueUnavailableError(options.message);
  } finally {
    clearTimeout(timer);
  }
}
