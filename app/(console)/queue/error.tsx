"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { OutageAwareError } from "@/components/temporarily-unavailable";

/** A failed queue query shows as a failure (never as an empty queue), with a way to retry; an outage as such. */
export default function QueueError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  // The rows come from the server: refetch them, then re-render the segment.
  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });
  return (
    <OutageAwareError error={error} reset={reset}>
      <Alert variant="destructive" className="max-w-xl">
        <AlertTitle>The queue could not be loaded</AlertTitle>
        <AlertDescription>
          <p>
            Something went wrong on our side. Try again; if it keeps failing, tell the team
            {error.digest ? ` (reference ${error.digest})` : ""}.
          </p>
          <Button variant="outline" size="sm" className="mt-3" onClick={retry} disabled={pending}>
            Try again
          </Button>
        </AlertDescription>
      </Alert>
    </OutageAwareError>
  );
}
