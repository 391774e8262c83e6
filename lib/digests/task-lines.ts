import { STEP_LABELS } from "@/lib/pipeline/pipeline";
import type { OpenTask } from "@/lib/tasks/list-tasks";
import { formatDateTime, formatRelative } from "@/lib/time";
import type { DigestLine } from "./digest-view";

/** An open "call the merchant" escalation task as the digests show it (lib/tasks' `listOpenTasks`). */
export type DigestTask = Pick<OpenTask, "merchantId" | "shopName" | "stage" | "createdAt">;

/**
 * Tasks open at `now`, oldest first: the digest is a snapshot, so a task created after it (possible
 * for send-now or a late tick) waits for the next one.
 */
export function openAt(tasks: readonly DigestTask[], now: Date): DigestTask[] {
  return tasks
    .filter((t) => t.createdAt <= now)
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.shopName.localeCompare(b.shopName));
}

/** "Back-office user created · reminders ran out · open since 26 Nov 2026, 07:30 CET (1 day ago)". */
export function taskLine(task: DigestTask, input: { zone: string; now: Date; appUrl: string }): DigestLine {
  return {
    label: task.shopName,
    href: `${input.appUrl}/merchants/${task.merchantId}`,
    detail: `${STEP_LABELS[task.stage]} · reminders ran out · open since ${formatDateTime(task.createdAt, input.zone)} (${formatRelative(task.createdAt, input.now)})`,
  };
}
