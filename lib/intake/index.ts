export { listTriage, countTriage, type TriageMessage } from "./list-triage";
export { assignIntakeMessage } from "./assign-intake-message";
export { dismissIntakeMessage } from "./dismiss-intake-message";
export { pollMailbox, type PollResult } from "./poll-mailbox";
