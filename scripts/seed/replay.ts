import type { Merchant, MerchantEventType } from "@/db/schema";
import { deriveState, type DerivedState } from "@/lib/pipeline/rules";
import type { Step } from "@/lib/pipeline/steps";

/** One event of a generated history, before it is written. */
export type SeedEvent = {
  type: MerchantEventType;
  stage?: Step;
  actorId: string | null;
  evidence?: Record<string, unknown>;
  note?: string;
  createdAt: Date;
};

export type ReplayedState = DerivedState &
  Pick<Merchant, "merchantActionRequired" | "onHold" | "holdReason" | "holdUntil" | "cancelledAt" | "cancelReason"> & {
    done: Map<Step, SeedEvent>;
  };

/**
 * Replays a history (oldest first) through the stage machine's pure rules, so that the stored
 * derived columns of a seeded merchant are exactly what the verbs would have written.
 */
export function replayHistory(events: readonly SeedEvent[]): ReplayedState {
  const first = events[0];
  if (!first || first.type !== "signed_up") throw new Error("a history starts with signed_up");
  const state: ReplayedState = {
    done: new Map(),
    merchantActionRequired: null,
    onHold: false,
    holdReason: null,
    holdUntil: null,
    cancelledAt: null,
    cancelReason: null,
    currentStage: null,
    ballInCourt: null,
    stageEnteredAt: first.createdAt,
  };
  for (const event of events) {
    let restartClock = false;
    switch (event.type) {
      case "signed_up":
        state.done.set("signed_up", event);
        break;
      case "stage_completed":
        if (event.stage) state.done.set(event.stage, event);
        break;
      case "stage_undone":
        if (event.stage) state.done.delete(event.stage);
        break;
      case "action_required":
        state.merchantActionRequired = event.note ?? "Action required";
        break;
      case "action_cleared":
        state.merchantActionRequired = null;
        break;
      case "held":
        state.onHold = true;
        state.holdReason = event.note ?? null;
        state.holdUntil = typeof event.evidence?.until === "string" ? new Date(event.evidence.until) : null;
        break;
      case "resumed":
        Object.assign(state, { onHold: false, holdReason: null, holdUntil: null });
        restartClock = true;
        break;
      case "cancelled":
        Object.assign(state, {
          cancelledAt: event.createdAt,
          cancelReason: event.note ?? null,
          onHold: false,
          holdReason: null,
          holdUntil: null,
        });
        break;
      default:
        break;
    }
    const derived = deriveState(
      {
        done: state.done.keys(),
        merchantActionRequired: state.merchantActionRequired,
        cancelled: state.cancelledAt !== null,
      },
      { currentStage: state.currentStage, stageEnteredAt: state.stageEnteredAt },
      event.createdAt,
      restartClock,
    );
    // The first event sets the clock; afterwards only a change of current step (or a resume) moves it.
    Object.assign(state, derived, event === first ? { stageEnteredAt: event.createdAt } : {});
  }
  return state;
}
