"use client";

import Link from "next/link";
import { PageFailure } from "@/components/page-failure";
import { Button } from "@/components/ui/button";

/** Something broke while loading the workspace. */
export default function MerchantError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <PageFailure
      error={error}
      reset={reset}
      title="This merchant could not be loaded"
      actions={
        <Button asChild variant="outline">
          <Link href="/queue">Back to the queue</Link>
        </Button>
      }
    />
  );
}
