"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { requestRecomputeAction } from "../actions";

export function RecomputeButton() {
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        variant="outline"
        size="sm"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await requestRecomputeAction();
            setMessage(result.ok ? (result.message ?? "Queued") : result.error);
          })
        }
      >
        Recompute all clocks
      </Button>
      {message ? (
        <span role="status" className="text-xs text-muted-foreground">
          {message}
        </span>
      ) : null}
    </span>
  );
}
