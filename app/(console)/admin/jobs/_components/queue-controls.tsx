"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { cleanJobsAction, retryAllFailedAction, setQueuePausedAction } from "../actions";

const SELECT = "h-9 rounded-md border border-input bg-transparent px-2 text-sm";

/** Queue-wide actions: pause/resume, retry every failed job, clean finished jobs older than N. */
export function QueueControls({ queue, paused, failed }: { queue: string; paused: boolean; failed: number }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  const run = (work: () => Promise<string>) =>
    startTransition(async () => {
      setMessage(await work());
      router.refresh();
    });

  return (
    <div className="grid gap-3" data-testid="queue-controls">
      <div className="flex flex-wrap gap-2">
        <Button
          variant="outline"
          disabled={pending}
          onClick={() =>
            run(async () => {
              const r = await setQueuePausedAction({ queue, paused: !paused });
              return r.ok ? (r.message ?? "Done.") : r.error;
            })
          }
        >
          {paused ? `Resume ${queue}` : `Pause ${queue}`}
        </Button>
        <Button
          variant="outline"
          disabled={pending || failed === 0}
          onClick={() =>
            run(async () => {
              const r = await retryAllFailedAction({ queue });
              return r.ok ? `${r.data.count} failed job${r.data.count === 1 ? "" : "s"} queued again.` : r.error;
            })
          }
        >
          Retry all failed ({failed})
        </Button>
      </div>
      <form
        className="flex flex-wrap items-end gap-2"
        aria-label={`Clean the ${queue} queue`}
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const what = `${String(form.get("state"))} jobs of ${queue} that finished more than ${String(form.get("olderThan"))} ${String(form.get("unit"))} ago`;
          if (!window.confirm(`Remove the ${what}? Their logs go with them; this cannot be undone.`)) return;
          run(async () => {
            const r = await cleanJobsAction({
              queue,
              state: String(form.get("state")),
              olderThan: String(form.get("olderThan")),
              unit: String(form.get("unit")),
            });
            return r.ok ? `${r.data.count} job${r.data.count === 1 ? "" : "s"} cleaned up.` : r.error;
          });
        }}
      >
        <div className="grid gap-1">
          <Label htmlFor={`clean-state-${queue}`}>Clean</Label>
          <select id={`clean-state-${queue}`} name="state" className={SELECT} defaultValue="completed">
            <option value="completed">completed jobs</option>
            <option value="failed">failed jobs</option>
          </select>
        </div>
        <div className="grid gap-1">
          <Label htmlFor={`clean-age-${queue}`}>older than</Label>
          <Input
            id={`clean-age-${queue}`}
            name="olderThan"
            type="number"
            min={0}
            max={10000}
            defaultValue={24}
            className="w-24"
            required
          />
        </div>
        <select name="unit" aria-label="Unit" className={SELECT} defaultValue="hours">
          <option value="minutes">minutes</option>
          <option value="hours">hours</option>
        </select>
        <Button type="submit" variant="outline" disabled={pending}>
          Clean
        </Button>
      </form>
      {message && (
        <p role="status" className="text-sm text-muted-foreground">
          {message}
        </p>
      )}
    </div>
  );
}
