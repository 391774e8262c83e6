import type { Dependency } from "./errors";

/**
 * What an error boundary can learn about an outage. In production Next hides a server error's
 * message but keeps its digest, which a `DependencyUnavailableError` sets; any other failure is
 * checked against /api/health, which names the dependency that does not answer.
 */
export function dependencyFromDigest(digest: string | undefined): Dependency | null {
  const match = /^DEPENDENCY_UNAVAILABLE:(database|redis)$/.exec(digest ?? "");
  return (match?.[1] as Dependency | undefined) ?? null;
}

const checksOf = (body: unknown) =>
  body && typeof body === "object" ? (body as Record<string, { ok?: unknown } | undefined>) : {};

/** The dependency /api/health reports down (the database first: nothing works without it), or null. */
export function dependencyFromHealth(body: unknown): Dependency | null {
  const checks = checksOf(body);
  if (checks.postgres?.ok === false) return "database";
  if (checks.redis?.ok === false) return "redis";
  return null;
}
