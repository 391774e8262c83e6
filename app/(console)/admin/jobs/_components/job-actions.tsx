"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/action-result";
import { promoteJobAction, removeJobAction, retryJobAction } from "../actions";

type Props = { queue: string; jobId: string; state: string; listHref: string; compact?: boolean };

/**
 * What can be done to one job, by state: retry (failed), run now (delayed), remove (anything not
 * running; asks once more). The server action re-checks the role and the state.
 */
export function JobActions({ queue, jobId, state, listHref, compact = false }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const run = (action: (input: { queue: string; jobId: string }) => Promise<ActionResult>, after?: () => void) =>
    startTransition(async () => {
      const result = await action({ queue, jobId });
      setMessage(result.ok ? (result.message ?? "Done.") : result.error);
      if (result.ok) (after ?? router.refresh)();
    });
  const size = compact ? "sm" : "default";
  return (
    <div className={compact ? "flex flex-col items-end gap-1" : "grid gap-2"}>
      <div className="flex flex-wrap gap-2">
        {state === "failed" && (
          <Button size={size} disabled={pending} onClick={() => run(retryJobAction)}>
            {pending ? "Working…" : "Retry"}
          </Button>
        )}
        {state === "delayed" && (
          <Button size={size} variant="outline" disabled={pending} onClick={() => run(promoteJobAction)}>
            Run now
          </Button>
        )}
        {!compact && state !== "active" && !confirmRemove && (
          <Button variant="outline" disabled={pending} onClick={() => setConfirmRemove(true)}>
            Remove…
          </Button>
        )}
        {!compact && confirmRemove && (
          <>
            <Button
              variant="destructive"
              disabled={pending}
              onClick={() => run(removeJobAction, () => router.push(listHref))}
            >
              Remove this job and its logs
            </Button>
            <Button variant="outline" disabled={pending} onClick={() => setConfirmRemove(false)}>
              Keep it
            </Button>
          </>
        )}
      </div>
      {message && (
        <span role="status" className="text-xs text-muted-foreground">
          {message}
        </span>
      )}
    </div>
  );
}
