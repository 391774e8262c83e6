import type { QueueResult, QueueRow } from "@/lib/work-queue/list-work-queue";
import type { AssignableStaff } from "@/lib/staff/list-assignable-staff";

/**
 * A row as the client table uses it: only what it shows. The merchant's calendar only fed its
 * "Waiting" clock, computed on the server; the clock's owner is the row's ball in court.
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

/**
 * How a row travels to the client: every field handed to a client component is serialised into
 * the page's RSC payload next to the rendered HTML, so each byte of a row costs twice. Hence a
 * tuple (no key names), instants as epoch milliseconds (not "$D" + ISO text), and the fields that
 * are usually empty in a trailing object only when set. About 40 % of the rows' payload.
 */
export type WireQueueRow = [
  id: string,
  company: string,
  shopName: string,
  shopDomain: string,
  cluster: QueueRow["cluster"],
  currentStage: QueueRow["currentStage"],
  ballInCourt: QueueRow["ballInCourt"],
  waitingSince: number,
  lastActivityAt: number,
  optional?: WireOptional,
];
type WireOptional = Omit<Partial<QueueTableRow>, "slaDueAt" | "slaWarnAt"> & { slaDueAt?: number; slaWarnAt?: number };

export type QueueTableResult = Omit<QueueResult, "rows"> & { rows: WireQueueRow[] };
/** The specialist filter and the bulk-assign picker need a name per id, nothing more. */
export type StaffOption = Pick<AssignableStaff, "id" | "name">;

export function toQueueTable({ rows, ...rest }: QueueResult): QueueTableResult {
  return { ...rest, rows: rows.map(toWire) };
}

function toWire(r: QueueRow): WireQueueRow {
  const optional: WireOptional = {};
  if (r.specialistName !== null) optional.specialistName = r.specialistName;
  if (r.waiting) optional.waitingSeconds = r.waiting.businessSeconds;
  if (r.slaDueAt) optional.slaDueAt = r.slaDueAt.getTime();
  if (r.slaWarnAt) optional.slaWarnAt = r.slaWarnAt.getTime();
  if (r.onHold) optional.onHold = true;
  if (r.holdReason !== null) optional.holdReason = r.holdReason;
  if (r.merchantActionRequired !== null) optional.merchantActionRequired = r.merchantActionRequired;
  if (r.cancelled) optional.cancelled = true;
  const row: WireQueueRow = [
    r.id,
    r.company,
    r.shopName,
    r.shopDomain,
    r.cluster,
    r.currentStage,
    r.ballInCourt,
    r.waitingSince.getTime(),
    r.lastActivityAt.getTime(),
  ];
  if (Object.keys(optional).length) row.push(optional);
  return row;
}

/** The client's side of toWire. */
export function fromWire([
  id,
  company,
  shopName,
  shopDomain,
  cluster,
  currentStage,
  ballInCourt,
  waitingSince,
  lastActivityAt,
  optional = {},
]: WireQueueRow): QueueTableRow {
  const { slaDueAt, slaWarnAt, ...rest } = optional;
  return {
    id,
    company,
    shopName,
    shopDomain,
    cluster,
    currentStage,
    ballInCourt,
    waitingSince: new Date(waitingSince),
    lastActivityAt: new Date(lastActivityAt),
    ...rest,
    ...(slaDueAt !== undefined && { slaDueAt: new Date(slaDueAt) }),
    ...(slaWarnAt !== undefined && { slaWarnAt: new Date(slaWarnAt) }),
  };
}

export function toStaffOptions(staff: AssignableStaff[]): StaffOption[] {
  return staff.map(({ id, name }) => ({ id, name }));
}
