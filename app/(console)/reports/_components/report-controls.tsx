"use client";

import { usePathname, useRouter } from "next/navigation";
import { useTransition } from "react";
import { DayInput } from "@/components/time/day-input";
import { Label } from "@/components/ui/label";
import {
  REPORT_PERIODS,
  REPORT_PERIOD_LABELS,
  UNASSIGNED,
  serializeReportParams,
  type ReportParams,
} from "@/lib/sla/reports/report-params";
import type { ReportChoices } from "@/lib/sla/reports/list-report-choices";
import { fromIsoDay, isoDayOf } from "@/lib/time/wall-clock";

const SELECT = "h-9 rounded-md border border-input bg-transparent px-2 text-sm";

/** Period and segment: every change becomes the URL at once, so a view can be shared and reloaded. */
export function ReportControls({ params, choices }: { params: ReportParams; choices: ReportChoices }) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const change = (patch: Partial<ReportParams>) => {
    const next = { ...params, ...patch };
    startTransition(() => router.push(`${pathname}${serializeReportParams(next)}`));
  };
  // A typed day goes into the URL as its ISO day; one that is not a date stays in the field, flagged.
  const changeDay = (key: "from" | "to", field: HTMLInputElement) => {
    const iso = isoDayOf(field.value);
    field.setCustomValidity(field.value && !iso ? "Enter a date as dd-mm-yyyy" : "");
    if (field.value && !iso) return void field.reportValidity();
    if ((iso ?? undefined) !== params[key]) change({ [key]: iso ?? undefined });
  };
  const select = (id: keyof ReportParams, label: string, all: string, options: { value: string; label: string }[]) => (
    <div className="grid gap-1">
      <Label htmlFor={`report-${id}`}>{label}</Label>
      <select
        id={`report-${id}`}
        value={params[id] ?? ""}
        onChange={(e) => change({ [id]: e.target.value || undefined })}
        className={SELECT}
      >
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <div className="flex flex-wrap items-end gap-3" aria-label="Report period and segment" aria-busy={pending}>
      <div className="grid gap-1">
        <Label htmlFor="report-period">Period</Label>
        <select
          id="report-period"
          value={params.period}
          onChange={(e) => change({ period: e.target.value as ReportParams["period"] })}
          className={SELECT}
        >
          {REPORT_PERIODS.map((p) => (
            <option key={p} value={p}>
              {REPORT_PERIOD_LABELS[p]}
            </option>
          ))}
        </select>
      </div>
      {params.period === "custom" ? (
        <>
          <div className="grid gap-1">
            <Label htmlFor="report-from">From</Label>
            <DayInput
              id="report-from"
              defaultValue={params.from ? fromIsoDay(params.from) : ""}
              onBlur={(e) => changeDay("from", e.currentTarget)}
            />
          </div>
          <div className="grid gap-1">
            <Label htmlFor="report-to">To</Label>
            <DayInput
              id="report-to"
              defaultValue={params.to ? fromIsoDay(params.to) : ""}
              onBlur={(e) => changeDay("to", e.currentTarget)}
            />
          </div>
        </>
      ) : null}
      {select(
        "cluster",
        "Cluster",
        "All clusters",
        choices.clusters.map((c) => ({ value: c, label: c })),
      )}
      {select(
        "country",
        "Country",
        "All countries",
        choices.countries.map((c) => ({ value: c, label: c })),
      )}
      {select("specialist", "Specialist", "Everyone", [
        { value: UNASSIGNED, label: "Unassigned" },
        ...choices.specialists.map((s) => ({ value: s.id, label: s.name })),
      ])}
      {select(
        "cohort",
        "Sign-up week",
        "Any week",
        choices.cohorts.map((c) => ({ value: c, label: `Week of ${c}` })),
      )}
      {pending ? <span className="pb-2 text-sm text-muted-foreground">Loading…</span> : null}
    </div>
  );
}
