"use client";

import { AlertTriangleIcon, PauseCircleIcon } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import type { Owner, Step } from "@/lib/pipeline/steps";
import { OWNER_LABELS, STEP_LABELS } from "@/lib/pipeline/pipeline";
import { useNow } from "@/components/time/use-now";
import { useTimeZone } from "@/components/time/time-zone-provider";
import { formatBusinessDuration, formatDateTime, formatDuration, formatRelative } from "@/lib/time";
import { slaStatus, type SlaStatus } from "@/lib/sla/sla-status";
import type { WaitingClock } from "@/lib/sla/waiting-clock";

export function StepBadge({ stage }: { stage: Step | null }) {
  if (!stage) return <Badge variant="success">Onboarded</Badge>;
  return <Badge variant="outline">{STEP_LABELS[stage]}</Badge>;
}

export function BallBadge({ owner }: { owner: Owner | null }) {
  if (!owner) return <span className="text-muted-foreground">—</span>;
  return <Badge variant={owner === "merchant" ? "warning" : "secondary"}>{OWNER_LABELS[owner]}</Badge>;
}

/**
 * Business time the current owner has had the step ("5 h 30 min" of working hours on their
 * calendar); the calendar time since the step started and the exact moment in the tooltip.
 */
export function WaitingSince({ since, waiting }: { since: Date; waiting: WaitingClock | null }) {
  const zone = useTimeZone();
  const now = useNow();
  const calendar = `${formatDuration(now.getTime() - since.getTime())} in calendar time, in this step since ${formatDateTime(since, zone)}`;
  if (!waiting)
    return (
      <time dateTime={since.toISOString()} title={calendar} suppressHydrationWarning>
        {formatDuration(now.getTime() - since.getTime())}
      </time>
    );
  const whose = waiting.owner === "agency" ? "Actenzo's working hours" : "the merchant's working hours";
  return (
    <time dateTime={since.toISOString()} title={`${calendar}. Counted in ${whose}.`} suppressHydrationWarning>
      {formatBusinessDuration(waiting.businessSeconds)}
    </time>
  );
}

const SLA_BADGES: Record<SlaStatus, { label: string; variant: "destructive" | "warning" | "outline" }> = {
  breached: { label: "Breached", variant: "destructive" },
  due_soon: { label: "Due soon", variant: "warning" },
  on_track: { label: "On track", variant: "outline" },
};

/** The open Actenzo step's SLA: on track, due soon (past 75 %), breached; the due time on hover. */
export function SlaBadge({ dueAt, warnAt }: { dueAt: Date | null; warnAt: Date | null }) {
  const zone = useTimeZone();
  const now = useNow();
  const status = slaStatus({ dueAt, warnAt }, now);
  if (!status) return <span className="text-muted-foreground">—</span>;
  const badge = SLA_BADGES[status];
  return (
    <Badge variant={badge.variant} title={dueAt ? `Due ${formatDateTime(dueAt, zone)}` : undefined}>
      {badge.label}
      {dueAt && <span className="font-normal">· {formatRelative(dueAt, now)}</span>}
    </Badge>
  );
}

export function RelativeTime({ date }: { date: Date }) {
  const zone = useTimeZone();
  const now = useNow();
  return (
    <time
      dateTime={date.toISOString()}
      title={formatDateTime(date, zone)}
      className="text-muted-foreground"
      suppressHydrationWarning
    >
      {formatRelative(date, now)}
    </time>
  );
}

export function RowMarkers({
  onHold,
  holdReason,
  actionRequired,
  cancelled,
}: {
  onHold: boolean;
  holdReason: string | null;
  actionRequired: string | null;
  cancelled: boolean;
}) {
  if (!onHold && !actionRequired && !cancelled) return null;
  return (
    <div className="mt-1 flex gap-1">
      {cancelled && <Badge variant="destructive">Cancelled</Badge>}
      {onHold && (
        <Badge variant="secondary" title={holdReason ?? undefined}>
          <PauseCircleIcon aria-hidden /> On hold
        </Badge>
      )}
      {actionRequired && (
        <Badge variant="warning" title={actionRequired}>
          <AlertTriangleIcon aria-hidden /> Merchant action required
        </Badge>
      )}
    </div>
  );
}
