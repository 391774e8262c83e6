import type { Merchant, MerchantEventType } from "@/db/schema";

import type { Decision } from "@/lib/pipeline/rules";
import type { Owner, Step } from "@/lib/pipeline/steps";

export type { MerchantEventType };

/** A staff member as the workspace shows them (never the hash, never the role matrix). */
export type StaffRef = { id: string; name: string; email: string };

/** One step of the checklist, with what this actor may do to it right now. */
export type WorkspaceStep = {
  stage: Step;
  label: string;
  owner: Owner;
  description: string;
  merchantInstructions: readonly string[];
  prerequisites: readonly Step[];
  done: boolean;
  isCurrent: boolean;
  completedAt: Date | null;
  /** Null with `done` means the system completed it (sign-up API, verification engine). */
  completedBy: StaffRef | null;
  evidence: Record<string, unknown>;
  /** What the rules say about completing / undoing it now (the server checks again on submit). */
  complete: Decision;
  undo: Decision;
  /** Lead/admin only, for steps with an evidence rule: may it be completed with an override reason? */
  override: Decision | null;
};

/** The merchant's own columns the workspace shows (derived stage columns come from the rules instead). */
export type WorkspaceMerchant = Pick<
  Merchant,
  | "id"
  | "company"
  | "shopName"
  | "shopDomain"
  | "cluster"
  | "language"
  | "country"
  | "contactName"
  | "contactEmail"
  | "merchantActionRequired"
  | "onHold"
  | "holdReason"
  | "holdUntil"
  | "cancelledAt"
  | "cancelReason"
  | "createdAt"
  | "lastActivityAt"
  | "version"
  | "lightspeedAccountId"
  | "lightspeedShopDomain"
  | "shopIdentityReview"
>;

/** What the current actor may do here; the page uses it to pick controls, the verbs re-check. */
export type WorkspaceAbilities = {
  update: boolean;
  claim: boolean;
  assign: boolean;
  cancel: boolean;
};

export type MerchantWorkspace = {
  merchant: WorkspaceMerchant;
  specialist: StaffRef | null;
  steps: WorkspaceStep[];
  /** First step not done (null when every step is done). */
  currentStage: Step | null;
  /** Who owes the next move; null when everything is done or the merchant is cancelled. */
  ballInCourt: Owner | null;
  stageEnteredAt: Date;
  /** Milliseconds in the current step at the time of reading. */
  timeInStepMs: number;
  abilities: WorkspaceAbilities;
};

export type TimelineEvent = {
  id: number;
  type: MerchantEventType;
  stage: Step | null;
  /** Null for the system (sign-up API, workers). */
  actor: StaffRef | null;
  evidence: Record<string, unknown> | null;
  note: string | null;
  /** For "assigned" events: the assignee's name (null = unassigned or another type). */
  assignedTo: string | null;
  createdAt: Date;
};

export type TimelinePage = {
  events: TimelineEvent[];
  /** Pass as `before` to read the next (older) page; null at the beginning of history. */
  nextCursor: string | null;
};
