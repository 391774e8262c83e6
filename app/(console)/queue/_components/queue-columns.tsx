"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { DataTableColumnHeader } from "@/components/data-table/data-table-column-header";
import { DataTableCheckbox } from "@/components/data-table/data-table-checkbox";
import type { QueueTableRow } from "./queue-rows";
import type { QueueSortColumn } from "../search-params";
import { BallBadge, RelativeTime, RowMarkers, SlaBadge, StepBadge, WaitingSince } from "./queue-cells";

/**
 * Column ids are the URL's sort names, so TanStack's sorting state maps 1:1 onto `?sort=`.
 * Each sortable column needs an accessor: TanStack's `getCanSort()` is false without one, which
 * once left every header as plain text. The server sorts; the accessor only enables the header.
 */
type QueueColumn = ColumnDef<QueueTableRow> & { id: QueueSortColumn | "select" };

export const queueColumns: QueueColumn[] = [
  {
    id: "select",
    enableSorting: false,
    size: 32,
    header: ({ table }) => (
      <DataTableCheckbox
        checked={table.getIsAllPageRowsSelected() || (table.getIsSomePageRowsSelected() && "indeterminate")}
        onCheckedChange={(value) => table.toggleAllPageRowsSelected(!!value)}
        aria-label="Select all on this page"
      />
    ),
    cell: ({ row }) => (
      <DataTableCheckbox
        checked={row.getIsSelected()}
        onCheckedChange={(value) => row.toggleSelected(!!value)}
        aria-label={`Select ${row.original.company}`}
      />
    ),
  },
  {
    id: "company",
    accessorFn: (m) => m.company,
    header: ({ column }) => <DataTableColumnHeader column={column} title="Company" />,
    cell: ({ row: { original: m } }) => (
      <div>
        <Link href={`/merchants/${m.id}`} className="font-medium hover:underline">
          {m.company}
        </Link>
        <RowMarkers
          onHold={m.onHold ?? false}
          holdReason={m.holdReason ?? null}
          actionRequired={m.merchantActionRequired ?? null}
          cancelled={m.cancelled ?? false}
        />
      </div>
    ),
  },
  {
    id: "shop",
    accessorFn: (m) => m.shopDomain,
    header: ({ column }) => <DataTableColumnHeader column={column} title="Shop" />,
    cell: ({ row: { original: m } }) => (
      <div className="leading-tight">
        <div>{m.shopName}</div>
        <div className="text-xs text-muted-foreground">{`${m.shopDomain} · ${m.cluster}`}</div>
      </div>
    ),
  },
  {
    id: "currentStage",
    accessorFn: (m) => m.currentStage,
    header: ({ column }) => <DataTableColumnHeader column={column} title="Current step" />,
    cell: ({ row }) => <StepBadge stage={row.original.currentStage} />,
  },
  {
    id: "ballInCourt",
    accessorFn: (m) => m.ballInCourt,
    header: ({ column }) => <DataTableColumnHeader column={column} title="Ball in court" />,
    cell: ({ row }) => <BallBadge owner={row.original.ballInCourt} />,
  },
  {
    id: "waitingSince",
    accessorFn: (m) => m.waitingSince,
    header: ({ column }) => <DataTableColumnHeader column={column} title="Waiting" />,
    cell: ({ row: { original: m } }) => (
      <WaitingSince
        since={m.waitingSince}
        waiting={
          m.waitingSeconds !== undefined && m.ballInCourt
            ? { owner: m.ballInCourt, businessSeconds: m.waitingSeconds }
            : null
        }
      />
    ),
  },
  {
    id: "timeToBreach",
    accessorFn: (m) => m.slaDueAt,
    header: ({ column }) => <DataTableColumnHeader column={column} title="SLA" />,
    cell: ({ row }) => <SlaBadge dueAt={row.original.slaDueAt ?? null} warnAt={row.original.slaWarnAt ?? null} />,
  },
  {
    id: "specialist",
    accessorFn: (m) => m.specialistName,
    header: ({ column }) => <DataTableColumnHeader column={column} title="Specialist" />,
    cell: ({ row }) => row.original.specialistName ?? <span className="text-muted-foreground">Unassigned</span>,
  },
  {
    id: "lastActivity",
    accessorFn: (m) => m.lastActivityAt,
    header: ({ column }) => <DataTableColumnHeader column={column} title="Last activity" />,
    cell: ({ row }) => <RelativeTime date={row.original.lastActivityAt} />,
  },
];
