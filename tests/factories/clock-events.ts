import type { ClockEvent } from "@/lib/sla/intervals";

/** Builders for the pure SLA clock tests: an instant, an event at an instant, a step completed. */
export const at = (iso: string) => new Date(iso);

export const ev = (type: ClockEvent["type"], iso: string, extra: Partial<ClockEvent> = {}): ClockEvent => ({
  type,
  at: at(iso),
  ...extra,
});

export const done = (stage: NonNullable<ClockEvent["stage"]>, iso: string) => ev("stage_completed", iso, { stage });
