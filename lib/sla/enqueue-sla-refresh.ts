import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { createLogger } from "@/lib/logger";
import { requestClockRecompute } from "./request-clock-recompute";

const log = createLogger("sla.refresh");

/**
 * Asks the worker to recompute every merchant's clocks after the agency calendar changed: the one
 * `sla-recompute` job rewrites both the stored due and warning instants /queue sorts by and the
 * reports' per-step rows. The edit is already saved: if Redis is down it is logged, and the
 * `sla-sweep` tick's own check of passed warn instants keeps the warnings honest meanwhile.
 */
export async function enqueueSlaRefresh(actor: Actor): Promise<void> {
  try {
    await requestClockRecompute(actor);
  } catch (error) {
    log.error("could not enqueue the SLA recompute; clocks update at each merchant's next change", { error });
  }
}
