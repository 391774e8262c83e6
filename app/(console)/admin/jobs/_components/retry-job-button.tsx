"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { retryJobAction } from "../actions";

export function RetryJobButton({ queue, jobId }: { queue: string; jobId: string }) {
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        size="sm"
        variant="outline"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await retryJobAction({ queue, jobId });
            setMessage(result.ok ? (result.message ?? "Queued again.") : result.error);
          })
        }
      >
        {pending ? "Retrying…" : "Retry"}
      </Button>
      {message && (
        <span role="status" className="text-xs text-muted-foreground">
          {message}
        </span>
      )}
    </div>
  );
}
