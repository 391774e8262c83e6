"use client";

import { CloudOffIcon } from "@/components/ui/icons";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { DEPENDENCY_LABELS, type Dependency } from "@/lib/errors";
import { dependencyFromDigest, dependencyFromHealth } from "@/lib/outage-state";

const RECHECK_MS = 5_000;

async function probeHealth(): Promise<Dependency | null> {
  try {
    const response = await fetch("/api/health", { cache: "no-store", signal: AbortSignal.timeout(4_000) });
    return dependencyFromHealth(await response.json());
  } catch {
    return null; // the console itself is unreachable: not something this page can explain
  }
}

/** The product's "temporarily unavailable" state: what is down, that nothing is lost, and that it comes back by itself. */
export function TemporarilyUnavailable({ dependency }: { dependency: Dependency }) {
  return (
    <div className="mx-auto max-w-xl space-y-3 p-10 text-center" role="alert" data-testid="temporarily-unavailable">
      <CloudOffIcon className="mx-auto size-8 text-muted-foreground" aria-hidden />
      <h1 className="text-xl font-semibold">Temporarily unavailable</h1>
      <p className="text-muted-foreground">
        {DEPENDENCY_LABELS[dependency]} is not answering right now, so this page cannot be shown. Nothing you saved is
        lost.
      </p>
      <p className="text-sm text-muted-foreground">This page reloads by itself as soon as it is back.</p>
    </div>
  );
}

/**
 * For error boundaries: shows `TemporarilyUnavailable` when the failure is an outage (from the
 * error's digest, else from /api/health) and reloads the segment once the dependency answers
 * again; any other failure shows `children`, the boundary's own message.
 */
export function OutageAwareError({
  error,
  reset,
  children,
}: {
  error: Error & { digest?: string };
  reset: () => void;
  children: React.ReactNode;
}) {
  const router = useRouter();
  const fromDigest = dependencyFromDigest(error.digest);
  const [outage, setOutage] = useState<Dependency | null | "checking">(fromDigest ?? "checking");

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = async (first: boolean) => {
      const down = await probeHealth();
      if (stopped) return;
      const recheck = () => (timer = setTimeout(() => void check(false), RECHECK_MS));
      if (down) {
        setOutage(down);
        recheck();
      } else if (first) {
        // Healthy now: a bug (show the boundary's message), or an outage that just ended (wait a beat, then reload).
        setOutage(fromDigest);
        if (fromDigest) recheck();
      } else {
        router.refresh();
        reset();
      }
    };
    void check(true);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [fromDigest, reset, router]);

  if (outage === "checking")
    return <p className="p-10 text-center text-sm text-muted-foreground">Checking the connection…</p>;
  if (outage) return <TemporarilyUnavailable dependency={outage} />;
  return <>{children}</>;
}
