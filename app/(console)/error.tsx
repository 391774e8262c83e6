"use client";

import { PageFailure } from "@/components/page-failure";

/** A console page without a boundary of its own failed; the shell and navigation still show. */
export default function ConsoleError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageFailure error={error} reset={reset} title="This page could not be loaded" />;
}
