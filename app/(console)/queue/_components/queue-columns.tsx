import type { ColumnDef } from "@tanstack/react-table";
import type { ReactNode } from "react";
import type { QueueSortColumn } from "../search-params";
import type { QueueTableRow } from "./queue-rows";
import { ballBadge, relativeTime, rowMarkers, slaBadge, stepBadge, waitingSince, type CellClock } from "./queue-cells";

/**
 * The queue's columns after the selection checkbox, as TanStack column definitions. Column ids are
 * the URL's sort names, so TanStack's sorting state maps 1:1 onto `?sort=`; every column sorts (the
 * server sorts; the accessor only lets TanStack call the column sortable). A cell is
 * `meta.render`, a plain function of the row called by the table, not a component per cell.
 */
export type QueueColumnMeta = { title: string; render: (m: QueueTableRow, clock: CellClock) => ReactNode };
type QueueColumn = { id: QueueSortColumn } & QueueColumnMeta;

const column = ({ id, title, render }: QueueColumn): ColumnDef<QueueTableRow> => ({
  id,
  accessorFn: (m) => m.id,
  meta: { title, render } satisfies QueueColumnMeta,
});

export const queueColumns: ColumnDef<QueueTableRow>[] = (
  [
    {
      id: "company",
      title: "Company",
      render: (m) => (
        <div>
          {/* A plain link: the table turns its clicks into client navigations (one handler, not a <Link> per row). */}
          <a href={`/merchants/${m.id}`} className="font-medium hover:underline">
            {m.company}
          </a>
          {rowMarkers(m)}
        </div>
      ),
    },
    {
      id: "shop",
      title: "Shop",
      render: (m) => (
        <div className="leading-tight">
          <div>{m.shopName}</div>
          <div className="text-xs text-muted-foreground">{`${m.shopDomain} · ${m.cluster}`}</div>
        </div>
      ),
    },
    { id: "currentStage", title: "Current step", render: (m) => stepBadge(m.currentStage) },
    { id: "ballInCourt", title: "Ball in court", render: (m) => ballBadge(m.ballInCourt) },
    {
      id: "waitingSince",
      title: "Waiting",
      render: (m, clock) =>
        waitingSince(
          m.waitingSince,
          m.waitingSeconds !== undefined && m.ballInCourt
            ? { owner: m.ballInCourt, businessSeconds: m.waitingSeconds }
            : null,
          clock,
        ),
    },
    {
      id: "timeToBreach",
      title: "SLA",
      render: (m, clock) => slaBadge(m.slaDueAt ?? null, m.slaWarnAt ?? null, clock),
    },
    {
      id: "specialist",
      title: "Specialist",
      render: (m) => m.specialistName ?? <span className="text-muted-foreground">Unassigned</span>,
    },
    { id: "lastActivity", title: "Last activity", render: (m, clock) => relativeTime(m.lastActivityAt, clock) },
  ] satisfies QueueColumn[]
).map(column);
