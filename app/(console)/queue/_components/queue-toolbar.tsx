"use client";

import { DataTableCheckbox } from "@/components/data-table/data-table-checkbox";
import { DataTableFacetedFilter } from "@/components/data-table/data-table-faceted-filter";
import { DataTableSelectFilter } from "@/components/data-table/data-table-select-filter";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { Button } from "@/components/ui/button";
import { OWNER_LABELS, STEP_LABELS } from "@/lib/pipeline/pipeline";
import type { QueueFacets } from "@/lib/work-queue/queue-facets";
import type { StaffOption } from "./queue-rows";
import { QUEUE_STEP_FILTERS, serializeQueueParams, type QueueParams } from "../search-params";
import type { QueueState } from "./use-queue-state";

// `signed_up` is done on creation, so it is never anyone's current step.
const STEP_OPTIONS = QUEUE_STEP_FILTERS.filter((s) => s !== "signed_up").map((value) => ({
  value,
  label: value === "done" ? "Onboarded (all done)" : STEP_LABELS[value],
}));
const BALL_OPTIONS = [
  { value: "any", label: "Anyone" },
  { value: "merchant", label: OWNER_LABELS.merchant },
  { value: "agency", label: OWNER_LABELS.agency },
] as const;
const HOLD_OPTIONS = [
  { value: "any", label: "Any" },
  { value: "yes", label: "On hold" },
  { value: "no", label: "Not on hold" },
] as const;
const SLA_OPTIONS = [
  { value: "any", label: "Any" },
  { value: "breached", label: "Breached" },
  { value: "due_soon", label: "Due soon" },
  { value: "on_track", label: "On track" },
] as const;
const CLUSTER_OPTIONS = [
  { value: "any", label: "Any" },
  { value: "eu1", label: "eu1" },
  { value: "us1", label: "us1" },
] as const;

type Props = {
  state: QueueState;
  staff: StaffOption[];
  facets: QueueFacets;
  viewerId: string;
  actions?: React.ReactNode;
};

export function QueueToolbar({ state, staff, facets, viewerId, actions }: Props) {
  const { params, setFilters } = state;
  // "Mine" is the viewer's own id, so the URL it writes means the same rows to a colleague.
  const specialistOptions = [
    { value: viewerId, label: "Mine" },
    { value: "unassigned", label: "Unassigned" },
    { value: "any", label: "Anyone" },
    ...staff.filter((s) => s.id !== viewerId).map((s) => ({ value: s.id, label: s.name })),
  ];
  const specialist = params.specialist ?? "any";
  // A filtered-out or deactivated staff id still needs a label, or the select shows nothing.
  if (!specialistOptions.some((o) => o.value === specialist))
    specialistOptions.push({ value: specialist, label: "Former staff member" });

  return (
    <DataTableToolbar
      search={{
        value: state.searchText,
        onChange: state.setSearch,
        placeholder: "Company, shop domain or email",
        label: "Search merchants",
      }}
      isFiltered={state.isFiltered}
      onReset={state.reset}
      actions={actions}
    >
      <StepFilter state={state} counts={facets.stage} />
      <DataTableSelectFilter
        label="Ball"
        value={params.ball ?? "any"}
        options={BALL_OPTIONS}
        onChange={(v) => setFilters({ ball: v === "any" ? undefined : v })}
      />
      <DataTableSelectFilter
        label="Specialist"
        value={specialist}
        options={specialistOptions}
        onChange={(specialist) => setFilters({ specialist })}
      />
      <DataTableSelectFilter
        label="SLA"
        value={params.sla ?? "any"}
        options={SLA_OPTIONS}
        onChange={(v) => setFilters({ sla: v === "any" ? undefined : v })}
      />
      <DataTableSelectFilter
        label="Hold"
        value={params.hold}
        options={HOLD_OPTIONS}
        onChange={(hold) => setFilters({ hold })}
      />
      <DataTableSelectFilter
        label="Cluster"
        value={params.cluster ?? "any"}
        options={CLUSTER_OPTIONS}
        onChange={(v) => setFilters({ cluster: v === "any" ? undefined : (v as QueueParams["cluster"]) })}
      />
      <label className="flex items-center gap-2 text-sm">
        <DataTableCheckbox
          checked={params.cancelled === "include"}
          onCheckedChange={(on) => setFilters({ cancelled: on ? "include" : undefined })}
        />
        Include cancelled
      </label>
      {/* The same filters and sort as the screen; every page of them, not just this one. */}
      <Button variant="outline" size="sm" asChild>
        <a href={`/queue/csv?${serializeQueueParams(params)}`} download>
          Download CSV
        </a>
      </Button>
    </DataTableToolbar>
  );
}

function StepFilter({ state, counts }: { state: QueueState; counts?: QueueFacets["stage"] }) {
  const options = counts ? STEP_OPTIONS.map((o) => ({ ...o, count: counts[o.value] ?? 0 })) : STEP_OPTIONS;
  return (
    <DataTableFacetedFilter
      title="Step"
      options={options}
      selected={state.params.stage}
      onChange={(stage) => state.setFilters({ stage })}
    />
  );
}
