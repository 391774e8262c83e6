import type { QueueResult, QueueRow } from "@/lib/work-queue/list-work-queue";
import type { AssignableStaff } from "@/lib/staff/list-assignable-staff";

/**
 * What the client table receives: only what it shows. Every field handed to a client component
 * is serialised into the page's RSC payload next to the rendered HTML, so an unused one costs
 * twice per row.
 */
export type QueueTableRow = Omit<QueueRow, "specialistId" | MerchantCalendarField>;
/** The merchant's calendar only fed its "Waiting" clock, computed on the server. */
type MerchantCalendarField = "country" | "timeZone" | "workingHoursStart" | "workingHoursEnd" | "workingDays";
export type QueueTableResult = Omit<QueueResult, "rows"> & { rows: QueueTableRow[] };
/** The specialist filter and the bulk-assign picker need a name per id, nothing more. */
export type StaffOption = Pick<AssignableStaff, "id" | "name">;

export function toQueueTable({ rows, ...rest }: QueueResult): QueueTableResult {
  return {
    ...rest,
    rows: rows.map(
      ({
        specialistId: _,
        country: _c,
        timeZone: _z,
        workingHoursStart: _s,
        workingHoursEnd: _e,
        workingDays: _d,
        ...row
      }) => row,
    ),
  };
}

export function toStaffOptions(staff: AssignableStaff[]): StaffOption[] {
  return staff.map(({ id, name }) => ({ id, name }));
}
