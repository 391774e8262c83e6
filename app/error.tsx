"use client";

import { Button } from "@/components/ui/button";
import { OutageAwareError } from "@/components/temporarily-unavailable";

/**
 * Anything that fails above a section's own boundary, the console's layout included (it reads
 * the signed-in staff member from the database): an outage shows as "temporarily unavailable",
 * anything else as a failure with its reference. The error itself is logged on the server.
 */
export default function AppError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <OutageAwareError error={error} reset={reset}>
      <div className="mx-auto max-w-xl space-y-4 p-10 text-center" role="alert">
        <h1 className="text-xl font-semibold">This page could not be loaded</h1>
        <p className="text-muted-foreground">
          Something went wrong on our side. Try again; if it keeps happening, mention reference{" "}
          {error.digest ?? "unknown"} to the team.
        </p>
        <Button onClick={reset}>Try again</Button>
      </div>
    </OutageAwareError>
  );
}
