import { TimeStamp } from "@/components/time/time-stamp";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { QueueOverview } from "@/lib/jobs/admin";

const COUNTS = ["waiting", "active", "delayed", "failed", "completed"] as const;

/** One card per queue: counts, workers online, and (scheduler queue) the repeatable ticks. */
export function QueueCards({ queues }: { queues: QueueOverview[] }) {
  return (
    <div className="grid gap-4 md:grid-cols-3">
      {queues.map((queue) => (
        <Card key={queue.name} data-testid={`queue-${queue.name}`}>
          <CardHeader className="flex flex-row items-center justify-between">
            <CardTitle className="text-base">{queue.name}</CardTitle>
            <Badge variant={queue.workers.length ? "success" : "destructive"}>
              {queue.workers.length} worker{queue.workers.length === 1 ? "" : "s"} online
            </Badge>
          </CardHeader>
          <CardContent className="grid gap-3 text-sm">
            <dl className="grid grid-cols-5 gap-2 text-center">
              {COUNTS.map((name) => (
                <div key={name}>
                  <dt className="text-xs text-muted-foreground">{name}</dt>
                  <dd
                    className={
                      name === "failed" && queue.counts.failed ? "font-semibold text-destructive" : "font-semibold"
                    }
                  >
                    {queue.counts[name]}
                  </dd>
                </div>
              ))}
            </dl>
            {queue.paused && <p className="text-destructive">Paused</p>}
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
              <ul className="font-mono text-xs text-muted-foreground">
                {queue.workers.map((w) => (
                  <li key={w.address}>
                    {w.address} · up {w.ageSeconds} s · idle {w.idleSeconds} s
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
