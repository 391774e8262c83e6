import Link from "next/link";
import { TimeStamp } from "@/components/time/time-stamp";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { QueueOverview } from "@/lib/jobs/admin";
import { JOB_STATES, JOB_STATE_LABELS } from "@/lib/jobs/admin/job-states";
import { formatUptime } from "@/lib/time";
import { cn } from "@/lib/utils";
import { jobsHref } from "../search-params";

/** One card per queue: counts per state (each opens that list), workers online with uptime, ticks. */
export function QueueCards({
  queues,
  selected,
}: {
  queues: QueueOverview[];
  selected: { queue: string; state: string };
}) {
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      {queues.map((queue) => (
        <Card key={queue.name} data-testid={`queue-${queue.name}`}>
          <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2">
            <CardTitle className="text-base">
              <Link className="underline" href={jobsHref({ queue: queue.name, state: selected.state })}>
                {queue.name}
              </Link>
            </CardTitle>
            <div className="flex gap-2">
              {queue.paused && <Badge variant="destructive">Paused</Badge>}
              <Badge variant={queue.workers.length ? "success" : "destructive"}>
                {queue.workers.length} worker{queue.workers.length === 1 ? "" : "s"} online
              </Badge>
            </div>
          </CardHeader>
          <CardContent className="grid gap-3 text-sm">
            <ul className="grid grid-cols-4 gap-2 text-center" aria-label={`Jobs of ${queue.name} by state`}>
              {JOB_STATES.map((state) => (
                <li key={state}>
                  <Link
                    href={jobsHref({ queue: queue.name, state })}
                    aria-label={`${JOB_STATE_LABELS[state]} jobs of ${queue.name}: ${queue.counts[state]}`}
                    className={cn(
                      "grid rounded-md p-1 hover:bg-muted",
                      selected.queue === queue.name && selected.state === state && "bg-muted",
                    )}
                  >
                    <span className="truncate text-xs text-muted-foreground">
                      {state === "waiting-children" ? "children" : state}
                    </span>
                    <span
                      className={cn(
                        "font-semibold",
                        state === "failed" && queue.counts.failed > 0 && "text-destructive",
                      )}
                    >
                      {queue.counts[state]}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
            {queue.schedulers.length > 0 && (
              <ul className="text-xs text-muted-foreground">
                {queue.schedulers.map((s) => (
                  <li key={s.id}>
                    {s.id}: every {s.every ? `${s.every / 1000} s` : "?"}
                    {s.next && (
                      <>
                        , next <TimeStamp date={s.next} mode="time" />
                      </>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {queue.workers.length > 0 && (
              <ul className="text-xs text-muted-foreground" aria-label={`Workers of ${queue.name}`}>
                {queue.workers.map((w) => (
                  <li key={w.address} className="break-all">
                    <span className="font-mono">{w.address}</span> · {formatUptime(w.ageSeconds)}
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
      ))}
    </div>
  );
}
