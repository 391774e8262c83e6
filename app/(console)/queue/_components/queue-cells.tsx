"use client";

import { AlertTriangleIcon, PauseCircleIcon } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import type { Owner, Stage } from "@/lib/onboarding/steps";
import { OWNER_LABELS, STEP_LABELS } from "@/lib/onboarding/pipeline";
import { useNow } from "@/components/time/use-now";
import { useTimeZone } from "@/components/time/time-zone-provider";
import { formatDateTime, formatDuration, formatRelative } from "@/lib/time";

export function StageBadge({ stage }: { stage: Stage | null }) {
  if (!stage) return <Badge variant="success">Onboarded</Badge>;
  return <Badge variant="outline">{STEP_LABELS[stage]}</Badge>;
}

export function BallBadge({ owner }: { owner: Owner | null }) {
  if (!owner) return <span className="text-muted-foreground">—</span>;
  return <Badge variant={owner === "merchant" ? "warning" : "secondary"}>{OWNER_LABELS[owner]}</Badge>;
}

/** Time in the current step, e.g. "3 d 4 h", with the exact moment in the tooltip. */
export function WaitingSince({ since }: { since: Date }) {
  const zone = useTimeZone();
  const now = useNow();
  return (
    <time
      dateTime={since.toISOString()}
      title={`In this step since ${formatDateTime(since, zone)}`}
      suppressHydrationWarning
    >
      {formatDuration(now.getTime() - since.getTime())}
    </time>
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
