import { badgeVariants } from "@/components/ui/badge";
import { CirclePauseIcon, TriangleAlertIcon } from "@/components/ui/icons";
import type { Owner, Step } from "@/lib/pipeline/steps";
import { OWNER_LABELS, STEP_LABELS } from "@/lib/pipeline/pipeline";
import { formatBusinessDuration, formatDateTime, formatDuration, formatRelative } from "@/lib/time";
import { slaStatus, type SlaStatus } from "@/lib/sla/sla-status";
import type { WaitingClock } from "@/lib/sla/waiting-clock";

/**
 * The queue's cells as plain functions of the row, not components: a 25-row page called ~200
 * cell components, each a hook-reading render of its own on the server (and a useNow
 * subscription per time cell in the browser). The table reads the clock and the viewer's zone
 * once and hands them to every cell.
 */
export type CellClock = { now: Date; zone: string };

// Badge classes computed once (the same markup as <Badge variant>, without cva and class merging per cell).
const BADGE = {
  outline: badgeVariants({ variant: "outline" }),
  secondary: badgeVariants({ variant: "secondary" }),
  success: badgeVariants({ variant: "success" }),
  warning: badgeVariants({ variant: "warning" }),
  destructive: badgeVariants({ variant: "destructive" }),
} as const;
type BadgeVariant = keyof typeof BADGE;

const badge = (variant: BadgeVariant, children: React.ReactNode, title?: string) => (
  <span data-slot="badge" className={BADGE[variant]} title={title}>
    {children}
  </span>
);
const none = (text: string) => <span className="text-muted-foreground">{text}</span>;

export function stepBadge(stage: Step | null) {
  return stage ? badge("outline", STEP_LABELS[stage]) : badge("success", "Onboarded");
}

export function ballBadge(owner: Owner | null) {
  if (!owner) return none("—");
  return badge(owner === "merchant" ? "warning" : "secondary", OWNER_LABELS[owner]);
}

/**
 * Business time the current owner has had the step ("5 h 30 min" of working hours on their
 * calendar); the calendar time since the step started and the exact moment in the tooltip.
 */
export function waitingSince(since: Date, waiting: WaitingClock | null, { now, zone }: CellClock) {
  const elapsed = formatDuration(now.getTime() - since.getTime());
  const calendar = `${elapsed} in calendar time, in this step since ${formatDateTime(since, zone)}`;
  if (!waiting)
    return (
      <time dateTime={since.toISOString()} title={calendar} suppressHydrationWarning>
        {elapsed}
      </time>
    );
  const whose = waiting.owner === "agency" ? "Actenzo's working hours" : "the merchant's working hours";
  return (
    <time dateTime={since.toISOString()} title={`${calendar}. Counted in ${whose}.`} suppressHydrationWarning>
      {formatBusinessDuration(waiting.businessSeconds)}
    </time>
  );
}

const SLA_BADGES: Record<SlaStatus, { label: string; variant: BadgeVariant }> = {
  breached: { label: "Breached", variant: "destructive" },
  due_soon: { label: "Due soon", variant: "warning" },
  on_track: { label: "On track", variant: "outline" },
};

/** The open Actenzo step's SLA: on track, due soon (past 75 %), breached; the due time on hover. */
export function slaBadge(dueAt: Date | null, warnAt: Date | null, { now, zone }: CellClock) {
  const status = slaStatus({ dueAt, warnAt }, now);
  if (!status) return none("—");
  const { label, variant } = SLA_BADGES[status];
  return badge(
    variant,
    <>
      {label}
      {dueAt && <span className="font-normal">· {formatRelative(dueAt, now)}</span>}
    </>,
    dueAt ? `Due ${formatDateTime(dueAt, zone)}` : undefined,
  );
}

export function relativeTime(date: Date, { now, zone }: CellClock) {
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

export function rowMarkers(m: {
  onHold?: boolean;
  holdReason?: string;
  merchantActionRequired?: string;
  cancelled?: boolean;
}) {
  if (!m.onHold && !m.merchantActionRequired && !m.cancelled) return null;
  return (
    <div className="mt-1 flex gap-1">
      {m.cancelled && badge("destructive", "Cancelled")}
      {m.onHold &&
        badge(
          "secondary",
          <>
            <CirclePauseIcon /> On hold
          </>,
          m.holdReason,
        )}
      {m.merchantActionRequired &&
        badge(
          "warning",
          <>
            <TriangleAlertIcon /> Merchant action required
          </>,
          m.merchantActionRequired,
        )}
    </div>
  );
}
