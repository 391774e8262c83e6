"use client";

import { useState, useTransition } from "react";
import {
  AlarmClockIcon,
  BanIcon,
  BellRingIcon,
  CheckCheckIcon,
  CircleCheckIcon,
  CirclePauseIcon,
  CirclePlayIcon,
  HeartPulseIcon,
  KeyRoundIcon,
  LinkIcon,
  MailIcon,
  MailOpenIcon,
  RefreshCcwIcon,
  ShieldCheckIcon,
  StickyNoteIcon,
  TriangleAlertIcon,
  Undo2Icon,
  UserCheckIcon,
  UserPlusIcon,
  type StaticIcon,
} from "@/components/ui/icons";
import { Button } from "@/components/ui/button";
import { eventSentence } from "@/lib/onboarding/workspace/event-sentence";
import { describeEvidence } from "@/lib/onboarding/workspace/present";
import type { MerchantEventType, TimelineEvent, TimelinePage } from "@/lib/onboarding/workspace/types";
import { cn } from "@/lib/utils";
import { loadTimelinePageAction } from "../actions";
import { TimeStamp } from "@/components/time/time-stamp";
import { useTimeZone } from "@/components/time/time-zone-provider";

const ICONS: Record<MerchantEventType, StaticIcon> = {
  signed_up: UserPlusIcon,
  stage_completed: CircleCheckIcon,
  stage_undone: Undo2Icon,
  assigned: UserCheckIcon,
  held: CirclePauseIcon,
  resumed: CirclePlayIcon,
  cancelled: BanIcon,
  note: StickyNoteIcon,
  credential_recorded: KeyRoundIcon,
  verification: ShieldCheckIcon,
  rekey_opened: RefreshCcwIcon,
  action_required: TriangleAlertIcon,
  action_cleared: CheckCheckIcon,
  health_alert: HeartPulseIcon,
  connect_link: LinkIcon,
  reminder_sent: MailIcon,
  sla_warning: AlarmClockIcon,
  merchant_replied: MailOpenIcon,
  reminder: BellRingIcon,
};
const TONES: Partial<Record<MerchantEventType, string>> = {
  stage_completed: "text-success",
  stage_undone: "text-destructive",
  cancelled: "text-destructive",
  action_required: "text-warning",
  sla_warning: "text-warning",
  health_alert: "text-destructive",
};

/** Events and notes, newest first; older pages load on demand. */
export function Timeline({ merchantId, initial }: { merchantId: string; initial: TimelinePage }) {
  const [events, setEvents] = useState<TimelineEvent[]>(initial.events);
  const [cursor, setCursor] = useState(initial.nextCursor);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const loadMore = () =>
    startTransition(async () => {
      if (!cursor) return;
      const result = await loadTimelinePageAction(merchantId, cursor);
      if (!result.ok) return setError(result.error);
      setError(null);
      setEvents((current) => [...current, ...result.data.events]);
      setCursor(result.data.nextCursor);
    });

  if (events.length === 0) return <p className="text-sm text-muted-foreground">Nothing has happened yet.</p>;
  return (
    <div className="space-y-4">
      <ol className="relative min-w-0 space-y-4 border-l pl-6" aria-label="Timeline">
        {events.map((event) => (
          <TimelineItem key={event.id} event={event} />
        ))}
      </ol>
      {error && (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      )}
      {cursor && (
        <Button variant="outline" size="sm" onClick={loadMore} disabled={pending}>
          {pending ? "Loading…" : "Load more"}
        </Button>
      )}
    </div>
  );
}

/** A sentence per event; a completed step adds its evidence ("received … by email", "key abcd…wxyz"). */
function TimelineItem({ event }: { event: TimelineEvent }) {
  const Icon = ICONS[event.type] ?? StickyNoteIcon;
  const timeZone = useTimeZone();
  const evidence = event.type === "stage_completed" ? describeEvidence(event.evidence, timeZone) : [];
  return (
    <li className="relative min-w-0" data-event-type={event.type}>
      <span className="absolute -left-[2.1rem] flex size-6 items-center justify-center rounded-full border bg-background">
        <Icon className={cn("size-3.5", TONES[event.type] ?? "text-muted-foreground")} aria-hidden />
      </span>
      <p className="text-sm">
        <span className="font-medium">{eventSentence(event, timeZone)}</span>{" "}
        <span className="text-muted-foreground">By {event.actor ? event.actor.name : "the system"},</span>{" "}
        <span className="text-xs text-muted-foreground">
          <TimeStamp date={event.createdAt} />
        </span>
      </p>
      {/* anywhere: a 5,000-character note without spaces wraps instead of widening the page. */}
      {event.note && <p className="mt-1 text-sm whitespace-pre-line [overflow-wrap:anywhere]">{event.note}</p>}
      {evidence.length > 0 && (
        <p className="mt-0.5 text-xs text-muted-foreground [overflow-wrap:anywhere]">{evidence.join(" · ")}</p>
      )}
    </li>
  );
}
