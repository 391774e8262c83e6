"use client";

import type { ReactNode } from "react";
import { OutageAwareError } from "@/components/temporarily-unavailable";
import { Button } from "@/components/ui/button";

/**
 * What an error boundary shows: an outage as "temporarily unavailable", anything else as a failure
 * with its reference (the error itself is logged on the server) and a way to try again.
 */
export function PageFailure({
  error,
  reset,
  title,
  actions,
}: {
  error: Error & { digest?: string };
  reset: () => void;
  title: string;
  actions?: ReactNode;
}) {
  return (
    <OutageAwareError error={error} reset={reset}>
      <div className="mx-auto max-w-xl space-y-4 p-10 text-center" role="alert">
        <h1 className="text-xl font-semibold">{title}</h1>
        <p className="text-muted-foreground">
          Something went wrong on our side. Try again; if it keeps happening, mention reference{" "}
          {error.digest ?? "unknown"} to the team.
        </p>
        <div className="flex justify-center gap-2">
          <Button onClick={reset}>Try again</Button>
          {actions}
        </div>
      </div>
    </OutageAwareError>
  );
}
