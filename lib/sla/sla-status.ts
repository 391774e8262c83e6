/** Client-safe (no calendar data): the queue's SLA badge and filter words. */
export const SLA_STATUSES = ["breached", "due_soon", "on_track"] as const;
export type SlaStatus = (typeof SLA_STATUSES)[number];

/** On track / due soon (past the 75 % warning) / breached (past due); null without a running target. */
export function slaStatus(sla: { warnAt: Date | null; dueAt: Date | null }, now: Date): SlaStatus | null {
  if (sla.dueAt && sla.dueAt.getTime() <= now.getTime()) return "breached";
  if (sla.warnAt && sla.warnAt.getTime() <= now.getTime()) return "due_soon";
  if (sla.dueAt) return "on_track";
  return null;
}
