import type { Actor } from "@/lib/auth/actor";
import { env } from "@/lib/env";

/** The agency's zone (AGENCY_TIME_ZONE): the default for staff who chose none, and the system's. */
export function agencyTimeZone(): string {
  return env.AGENCY_TIME_ZONE;
}

/** The zone to show and read times in for this actor. */
export function actorTimeZone(actor: Actor | null | undefined): string {
  return actor?.kind === "staff" && actor.timeZone ? actor.timeZone : agencyTimeZone();
}
