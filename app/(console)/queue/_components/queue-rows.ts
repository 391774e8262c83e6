import type { QueueResult, QueueRow } from "@/lib/work-queue/list-work-queue";
import type { AssignableStaff } from "@/lib/staff/list-assignable-staff";

/**
 * What the client table receives: only what it shows. Every field handed to a client component
 * is serialised into the page's RSC payload next to the rendered HTML, so an unused one costs
 * twice per row; so do a row's nulls and falses, hence optional fields that are left out when
 * empty. The merchant's calendar only fed its "Waiting" clock, computed on the server; the clock's
 * owner is the row's ball in court.
 */
export type QueueTableRow = Pick<
  QueueRow,
  | "id"
  | "company"
  | "shopName"
  | "shopDomain"
  | "cluster"
  | "currentStage"
  | "ballInCourt"
  | "waitingSince"
  | "lastActivityAt"
> & {
  specialistName?: string;
  /** Business seconds on the ball-in-court's calendar; absent when no step is open. */
  waitingSeconds?: number;
  slaDueAt?: Date;
  slaWarnAt?: Date;
  onHold?: true;
  holdReason?: string;
  merchantActionRequired?: string;
  cancelled?: true;
};
export type QueueTableResult = Omit<QueueResult, "rows"> & { rows: QueueTableRow[] };
/** The specialist filter and the bulk-assign picker need a name per id, nothing more. */
export type StaffOption = Pick<AssignableStaff, "id" | "name">;

export function toQueueTable({ rows, ...rest }: QueueResult): QueueTableResult {
  return { ...rest, rows: rows.map(toTableRow) };
}

function toTableRow(r: QueueRow): QueueTableRow {
  const row: QueueTableRow = {
    id: r.id,
    company: r.company,
    shopName: r.shopName,
    shopDomain: r.shopDomain,
    cluster: r.cluster,
    currentStage: r.currentStage,
    ballInCourt: r.ballInCourt,
    waitingSince: r.waitingSince,
    lastActivityAt: r.lastActivityAt,
  };
  if (r.specialistName !== null) row.specialistName = r.specialistName;
  if (r.waiting) row.waitingSeconds = r.waiting.businessSeconds;
  if (r.slaDueAt) row.slaDueAt = r.slaDueAt;
  if (r.slaWarnAt) row.slaWarnAt = r.slaWarnAt;
  if (r.onHold) row.onHold = true;
  if (r.holdReason !== null) row.holdReason = r.holdReason;
  if (r.merchantActionRequired !== null) row.merchantActionRequired = r.merchantActionRequired;
  if (r.cancelled) row.cancelled = true;
  return row;
}

export function toStaffOptions(staff: AssignableStaff[]): StaffOption[] {
  return staff.map(({ id, name }) => ({ id, name }));
}
