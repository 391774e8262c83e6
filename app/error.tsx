"use client";

import { PageFailure } from "@/components/page-failure";

/**
 * Anything that fails above a section's own boundary, the console's layout included (it reads the
 * signed-in staff member from the database).
 */
export default function AppError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageFailure error={error} reset={reset} title="This page could not be loaded" />;
}
