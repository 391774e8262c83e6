/** The merchant workspace's read side (the write verbs are in lib/onboarding). */
export { getMerchantWorkspace } from "./get-merchant-workspace";
export { listTimeline, TIMELINE_PAGE_SIZE } from "./list-timeline";
export type {
  MerchantWorkspace,
  StaffRef,
  TimelineEvent,
  TimelinePage,
  WorkspaceAbilities,
  WorkspaceMerchant,
  WorkspaceStep,
} from "./types";
