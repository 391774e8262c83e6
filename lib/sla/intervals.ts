import type { MerchantEventType } from "@/db/schema/merchant-events";
import { ballInCourt, currentStage } from "@/lib/pipeline/rules";
import type { Step } from "@/lib/pipeline/steps";

/**
 * A merchant's append-only events → who held the ball on which step, when. Nobody pauses a clock
 * by hand: the owner of the current step (or the merchant, while we wait on an action they must
 * take), a hold, or a cancellation decide it. See docs/decisions/0020-sla-business-calendars.md.
 */
export type ClockEvent = {
  type: MerchantEventType;
  stage?: Step | null;
  /** For `held`: the reason (hold-merchant stores it as the event's note). */
  note?: string | null;
  /** For `rekey_opened`: the steps it reopened (the event's `evidence.undone`). */
  undone?: readonly Step[] | null;
  at: Date;
};

export type ClockInterval = {
  stage: Step;
  /** agency: Actenzo's move; merchant: the merchant's; hold: neither clock runs. */
  kind: "agency" | "merchant" | "hold";
  holdReason?: string;
  start: Date;
  end: Date;
  /** The last interval of a merchant still open at `now`: it keeps running. */
  open: boolean;
};

type State = { done: Set<Step>; actionRequired: boolean; hold: string | null; cancelled: boolean; started: boolean };

function apply(state: State, event: ClockEvent): void {
  switch (event.type) {
    case "signed_up":
      state.started = true;
      state.done.add("signed_up");
      break;
    case "stage_completed":
      if (event.stage) state.done.add(event.stage);
      break;
    case "stage_undone":
      if (event.stage) state.done.delete(event.stage);
      break;
    case "action_required":
      state.actionRequired = true;
      break;
    case "action_cleared":
      state.actionRequired = false;
      break;
    case "rekey_opened":
      // Reopens the key steps and asks the merchant for a new key: the ball is theirs.
      for (const stage of event.undone ?? []) state.done.delete(stage);
      state.actionRequired = true;
      break;
    case "held":
      // Holding while on hold only changes the reason (an extension), never resets anything.
      state.hold = event.note?.trim() || "no reason given";
      break;
    case "resumed":
      state.hold = null;
      break;
    case "cancelled":
      state.cancelled = true;
      break;
    default:
      break;
  }
}

/** Who the time after `state` belongs to, or null when no clock runs (not started, cancelled, all done). */
function attribution(state: State): Pick<ClockInterval, "stage" | "kind" | "holdReason"> | null {
  if (!state.started || state.cancelled) return null;
  const stage = currentStage(state.done);
  // Only asked once there is a current step (ballInCourt would find the same one again).
  const owner = stage && ballInCourt(state.done, state.actionRequired);
  if (!stage || !owner) return null;
  if (state.hold !== null) return { stage, kind: "hold", holdReason: state.hold };
  return { stage, kind: owner };
}

/** Events in the order they happened (ties keep their given order) → intervals up to `now`. */
export function clockIntervals(events: readonly ClockEvent[], now: Date): ClockInterval[] {
  // Stored events come in order already; sorting (stable, so ties keep their order) only when not.
  const inOrder = events.every((e, i) => i === 0 || events[i - 1]!.at.getTime() <= e.at.getTime());
  const ordered = inOrder ? events : [...events].sort((a, b) => a.at.getTime() - b.at.getTime());
  const state: State = { done: new Set(), actionRequired: false, hold: null, cancelled: false, started: false };
  const intervals: ClockInterval[] = [];
  for (let i = 0; i < ordered.length; i++) {
    apply(state, ordered[i]!);
    const who = attribution(state);
    const start = ordered[i]!.at;
    const next = ordered[i + 1]?.at ?? null;
    const end = next && next.getTime() < now.getTime() ? next : now;
    if (!who || end.getTime() <= start.getTime()) continue;
    const last = intervals.at(-1);
    const open = next === null || next.getTime() >= now.getTime();
    // Events that change nothing (notes, reminders) must not split an interval.
    if (last && last.end.getTime() === start.getTime() && sameOwner(last, who)) {
      last.end = end;
      last.open = open;
    } else intervals.push({ ...who, start, end, open });
    if (next && next.getTime() >= now.getTime()) break;
  }
  return intervals;
}

const sameOwner = (a: ClockInterval, b: Pick<ClockInterval, "stage" | "kind" | "holdReason">) =>
  a.stage === b.stage && a.kind === b.kind && a.holdReason === b.holdReason;
