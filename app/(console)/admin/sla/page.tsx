import type { Metadata } from "next";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { TimeStamp } from "@/components/time/time-stamp";
import { requirePagePermission } from "@/lib/auth/session";
import { STEP_OWNERS, STEP_LABELS } from "@/lib/pipeline/pipeline";
import { STEPS } from "@/lib/pipeline/steps";
import { formatHours } from "@/lib/sla/describe-sla-change";
import { getSlaSettings } from "@/lib/sla/get-sla-settings";
import type { SlaPolicy } from "@/lib/sla/policy";
import { formatBusinessDuration, timeZoneChoices } from "@/lib/time";
import { CalendarForm } from "./_components/calendar-form";
import { PolicyForm } from "./_components/policy-form";

export const metadata: Metadata = { title: "SLA settings" };

const hours = (seconds: number | undefined) =>
  seconds === undefined ? "" : String(Math.round((seconds / 3600) * 100) / 100);
const steps = (owner: "agency" | "merchant") => STEPS.filter((s) => s !== "signed_up" && STEP_OWNERS[s] === owner);
const targets = (p: SlaPolicy, key: "agencyTargets" | "merchantExpected") =>
  STEPS.filter((stage) => p[key][stage] !== undefined)
    .map((stage) => `${STEP_LABELS[stage]} ${formatBusinessDuration(p[key][stage]!)}`)
    .join(", ");

/**
 * Leads and admins: the agency calendar every Actenzo clock runs on, and the SLA policy versions.
 * Editing a policy publishes a new version from now; old versions stay as they were (the steps that
 * started under them are judged by them).
 */
export default async function SlaSettingsPage() {
  const actor = await requirePagePermission("sla:manage");
  const { calendar, calendarUpdatedAt, calendarUpdatedBy, versions } = await getSlaSettings(actor);
  const current = versions.at(-1)!;
  const [hoursStart, hoursEnd] = formatHours(calendar.hours).split("-") as [string, string];
  return (
    <div className="grid max-w-5xl gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">SLA settings</h1>
        <p className="text-sm text-muted-foreground">
          The agency calendar Actenzo&apos;s clocks run on, and the targets each step is judged by. Every change is in
          the audit trail.
        </p>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Agency calendar</CardTitle>
          <CardDescription>
            {calendarUpdatedAt ? (
              <>
                Last changed by {calendarUpdatedBy ?? "a former colleague"} on <TimeStamp date={calendarUpdatedAt} />.
              </>
            ) : (
              "The defaults: Mon–Fri 09:00–17:30 in Amsterdam, Dutch public holidays."
            )}{" "}
            Merchants&apos; clocks run on their own zone and country, Mon–Fri 09:00–17:30.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <CalendarForm
            zones={timeZoneChoices()}
            values={{
              timeZone: calendar.timeZone,
              days: calendar.days,
              hoursStart,
              hoursEnd,
              country: calendar.country ?? "",
              closed: calendar.closed ?? [],
            }}
          />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>SLA policy</CardTitle>
          <CardDescription>
            Version {current.version} is in force. Targets are working hours (one working day is 8.5 h); a blank field
            means no target for that step.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-6">
          <PolicyForm
            agency={steps("agency").map((s) => ({
              name: s,
              label: STEP_LABELS[s],
              hours: hours(current.agencyTargets[s]),
            }))}
            merchant={steps("merchant").map((s) => ({
              name: s,
              label: STEP_LABELS[s],
              hours: hours(current.merchantExpected[s]),
            }))}
            endToEnd={hours(current.endToEndSeconds)}
          />
          <Table data-testid="policy-versions">
            <TableHeader>
              <TableRow>
                <TableHead>Version</TableHead>
                <TableHead>In force from</TableHead>
                <TableHead>Published by</TableHead>
                <TableHead>Actenzo targets</TableHead>
                <TableHead>End to end</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {[...versions].reverse().map((v) => (
                <TableRow key={v.version}>
                  <TableCell>{v.version}</TableCell>
                  <TableCell>
                    {v.effectiveFrom.getTime() === 0 ? "The start" : <TimeStamp date={v.effectiveFrom} />}
                  </TableCell>
                  <TableCell>{v.createdBy ?? (v.version === 1 ? "Built-in default" : "A former colleague")}</TableCell>
                  <TableCell className="whitespace-normal">{targets(v, "agencyTargets")}</TableCell>
                  <TableCell>{formatBusinessDuration(v.endToEndSeconds)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
    </div>
  );
}
