import Link from "next/link";
import { Button } from "@/components/ui/button";
import { DayInput } from "@/components/time/day-input";
import { Label } from "@/components/ui/label";
import type { AuditParams } from "@/lib/audit/audit-params";
import { fromIsoDay } from "@/lib/time/wall-clock";

type Choices = { people: { id: string; name: string }[]; actions: { value: string; label: string }[] };
const SELECT = "h-9 rounded-md border border-input bg-transparent px-2 text-sm";

/** A plain GET form: the filters become the URL (page 1), so no client state is needed. */
export function AuditFilters({ params, choices, csvHref }: { params: AuditParams; choices: Choices; csvHref: string }) {
  return (
    <form method="get" action="/admin/audit" className="flex flex-wrap items-end gap-3" aria-label="Audit filters">
      <div className="grid gap-1">
        <Label htmlFor="audit-actor">Who</Label>
        <select id="audit-actor" name="actor" defaultValue={params.actor ?? ""} className={SELECT}>
          <option value="">Anyone</option>
          {choices.people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div className="grid gap-1">
        <Label htmlFor="audit-action">What</Label>
        <select id="audit-action" name="action" defaultValue={params.action ?? ""} className={SELECT}>
          <option value="">Any action</option>
          {choices.actions.map((a) => (
            <option key={a.value} value={a.value}>
              {a.label}
            </option>
          ))}
        </select>
      </div>
      <div className="grid gap-1">
        <Label htmlFor="audit-from">From</Label>
        <DayInput id="audit-from" name="from" defaultValue={params.from ? fromIsoDay(params.from) : ""} />
      </div>
      <div className="grid gap-1">
        <Label htmlFor="audit-to">To</Label>
        <DayInput id="audit-to" name="to" defaultValue={params.to ? fromIsoDay(params.to) : ""} />
      </div>
      {/* The merchant filter comes from a merchant's page link; it stays until cleared. */}
      {params.merchant ? <input type="hidden" name="merchant" value={params.merchant} /> : null}
      <Button type="submit">Filter</Button>
      <Button variant="outline" asChild>
        <Link href="/admin/audit">Clear</Link>
      </Button>
      <Button variant="outline" asChild>
        <a href={csvHref} download>
          Download CSV
        </a>
      </Button>
    </form>
  );
}
