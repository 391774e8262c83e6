import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { TimeStamp } from "@/components/time/time-stamp";
import type { Actor } from "@/lib/auth/actor";
import { STEP_LABELS } from "@/lib/pipeline/pipeline";
import { getMerchantSlaClocks } from "@/lib/sla/get-merchant-sla-clocks";
import { slaStatus } from "@/lib/sla/sla-status";
import { formatBusinessDuration, formatDuration } from "@/lib/time";
import { formatHours } from "@/lib/sla/describe-sla-change";
import { MerchantHoursForm } from "./merchant-hours-form";
import { MerchantTimeZoneForm } from "./merchant-time-zone-form";

const STATUS = {
  breached: { label: "Breached", variant: "destructive" },
  due_soon: { label: "Due soon", variant: "warning" },
  on_track: { label: "On track", variant: "outline" },
} as const;

/**
 * Each step's clocks, derived from the timeline: Actenzo's working time against its target,
 * the merchant's waiting time (their working hours) against the expected time, time on hold with
 * the reasons; and the open Actenzo step's due time. Server component: it loads its own data.
 */
export async function SlaClocksCard({
  actor,
  merchantId,
  mayEditCalendar,
}: {
  actor: Actor;
  merchantId: string;
  /** Leads and admins set the merchant's calendar: its time zone, working days and hours. */
  mayEditCalendar: boolean;
}) {
  const clocks = await getMerchantSlaClocks(actor, merchantId);
  const now = new Date();
  const status = clocks.open ? slaStatus(clocks.open, now) : null;
  const [hoursStart, hoursEnd] = formatHours(clocks.hours).split("-") as [string, string];
  const days = clocks.days.map((d) => d[0]!.toUpperCase() + d.slice(1)).join(", ");
  return (
    <Card data-testid="sla-clocks">
      <CardHeader>
        <CardTitle>Clocks</CardTitle>
        <CardDescription>
          Working hours only: Actenzo&apos;s in {clocks.agencyTimeZone.replaceAll("_", " ")}, the merchant&apos;s in{" "}
          {clocks.timeZone.replaceAll("_", " ")} ({days} {hoursStart}–{hoursEnd}
          {clocks.defaultHours ? ", the default" : ""}). Hold time is calendar time.
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4 text-sm">
        {clocks.open && (
          <div className="rounded-md border p-3">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{STEP_LABELS[clocks.open.stage]}</span>
              {status && <Badge variant={STATUS[status].variant}>{STATUS[status].label}</Badge>}
            </div>
            <p className="text-muted-foreground">
              Target {formatBusinessDuration(clocks.open.targetSeconds)} (policy version {clocks.open.policyVersion}).{" "}
              {clocks.open.dueAt ? (
                <>
                  Due <TimeStamp date={clocks.open.dueAt} />.
                </>
              ) : (
                "Paused: the merchant has the ball or the merchant is on hold."
              )}
            </p>
          </div>
        )}
        {clocks.steps.length === 0 ? (
          <p className="text-muted-foreground">No clock has run yet.</p>
        ) : (
          <ul className="space-y-2">
            {clocks.steps.map((s) => (
              <li key={s.stage}>
                <div className="font-medium">{STEP_LABELS[s.stage]}</div>
                <div className="text-muted-foreground">
                  Actenzo {formatBusinessDuration(s.agencyWorkSeconds)}
                  {s.agencyTarget !== null && ` of ${formatBusinessDuration(s.agencyTarget)}`} · merchant{" "}
                  {formatBusinessDuration(s.merchantWaitSeconds)}
                  {s.merchantExpected !== null && ` (expected ${formatBusinessDuration(s.merchantExpected)})`}
                  {s.holdSeconds > 0 &&
                    ` · on hold ${s.holds.map((h) => `${formatDuration(h.seconds * 1000)} (${h.reason})`).join(", ")}`}
                </div>
              </li>
            ))}
          </ul>
        )}
        {mayEditCalendar && (
          <MerchantTimeZoneForm merchantId={merchantId} current={clocks.timeZone} choices={clocks.zoneChoices} />
        )}
        {mayEditCalendar && (
          <MerchantHoursForm merchantId={merchantId} days={clocks.days} hoursStart={hoursStart} hoursEnd={hoursEnd} />
        )}
      </CardContent>
    </Card>
  );
}
