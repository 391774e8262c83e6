import type { ReactNode } from "react";
import type { QueueSortColumn } from "../search-params";
import type { QueueTableRow } from "./queue-rows";
import { ballBadge, relativeTime, rowMarkers, slaBadge, stepBadge, waitingSince, type CellClock } from "./queue-cells";

/**
 * The queue's columns after the selection checkbox. Column ids are the URL's sort names, and
 * every column sorts (the server sorts; the header only writes `?sort=` and `?dir=`).
 */
export type QueueColumn = {
  id: QueueSortColumn;
  title: string;
  cell: (m: QueueTableRow, clock: CellClock) => ReactNode;
};

export const queueColumns: readonly QueueColumn[] = [
  {
    id: "company",
    title: "Company",
    cell: (m) => (
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
    cell: (m) => (
      <div className="leading-tight">
        <div>{m.shopName}</div>
        <div className="text-xs text-muted-foreground">{`${m.shopDomain} · ${m.cluster}`}</div>
      </div>
    ),
  },
  { id: "currentStage", title: "Current step", cell: (m) => stepBadge(m.currentStage) },
  { id: "ballInCourt", title: "Ball in court", cell: (m) => ballBadge(m.ballInCourt) },
  {
    id: "waitingSince",
    title: "Waiting",
    cell: (m, clock) =>
      waitingSince(
        m.waitingSince,
        m.waitingSeconds !== undefined && m.ballInCourt
          ? { owner: m.ballInCourt, businessSeconds: m.waitingSeconds }
          : null,
        clock,
      ),
  },
  { id: "timeToBreach", title: "SLA", cell: (m, clock) => slaBadge(m.slaDueAt ?? null, m.slaWarnAt ?? null, clock) },
  {
    id: "specialist",
    title: "Specialist",
    cell: (m) => m.specialistName ?? <span className="text-muted-foreground">Unassigned</span>,
  },
  { id: "lastActivity", title: "Last activity", cell: (m, clock) => relativeTime(m.lastActivityAt, clock) },
];
