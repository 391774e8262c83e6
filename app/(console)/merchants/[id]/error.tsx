"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { OutageAwareError } from "@/components/temporarily-unavailable";

/** Something broke while loading the workspace (an outage shows as such); the error itself is logged on the server. */
export default function MerchantError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <OutageAwareError error={error} reset={reset}>
      <div className="mx-auto max-w-xl space-y-4 p-10 text-center" role="alert">
        <h1 className="text-xl font-semibold">This merchant could not be loaded</h1>
        <p className="text-muted-foreground">
          Something went wrong on our side. Try again; if it keeps happening, mention reference{" "}
          {error.digest ?? "unknown"} to the team.
        </p>
        <div className="flex justify-center gap-2">
          <Button onClick={reset}>Try again</Button>
          <Button asChild variant="outline">
            <Link href="/queue">Back to the queue</Link>
          </Button>
        </div>
      </div>
    </OutageAwareError>
  );
}
