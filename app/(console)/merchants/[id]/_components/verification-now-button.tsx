"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { LoaderCircleIcon, RefreshCwIcon } from "@/components/ui/icons";
import { Button } from "@/components/ui/button";
import { verifyNowAction } from "../verification-actions";

const POLL_MS = 1500;
const GIVE_UP_MS = 120_000;

type Status = {
  latestRun: { id: string; verdict: string } | null;
  job: { state: string; failedReason: string | null } | null;
};

/**
 * Queues a verification, then polls the small status route until a new run lands (or the job
 * fails) and refreshes the server-rendered history: the result appears without a reload.
 */
export function VerificationNowButton({ merchantId, latestRunId }: { merchantId: string; latestRunId: string | null }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [waitingFor, setWaitingFor] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: "info" | "error"; text: string } | null>(null);
  const baseline = useRef(latestRunId);

  useEffect(() => {
    if (!waitingFor) return;
    const startedAt = Date.now();
    let stopped = false;
    const timer = setInterval(async () => {
      if (stopped) return;
      if (Date.now() - startedAt > GIVE_UP_MS) {
        stop({ tone: "info", text: "Still queued. The history updates when the run lands." });
        return;
      }
      const response = await fetch(`/api/merchants/${merchantId}/verification?job=${encodeURIComponent(waitingFor)}`, {
        cache: "no-store",
      }).catch(() => null);
      if (!response?.ok || stopped) return;
      const status = (await response.json()) as Status;
      if (status.latestRun && status.latestRun.id !== baseline.current) {
        baseline.current = status.latestRun.id;
        stop(null);
        router.refresh();
      } else if (status.job?.state === "failed") {
        stop({ tone: "error", text: status.job.failedReason ?? "The verification failed." });
      }
    }, POLL_MS);
    function stop(next: { tone: "info" | "error"; text: string } | null) {
      stopped = true;
      clearInterval(timer);
      setWaitingFor(null);
      setMessage(next);
    }
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [waitingFor, merchantId, router]);

  const busy = pending || waitingFor !== null;
  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        size="sm"
        variant="outline"
        disabled={busy}
        data-testid="verify-now"
        onClick={() =>
          startTransition(async () => {
            setMessage(null);
            const result = await verifyNowAction(merchantId);
            if (result.ok) setWaitingFor(result.data.jobId);
            else setMessage({ tone: "error", text: result.error });
          })
        }
      >
        {busy ? <LoaderCircleIcon className="animate-spin" aria-hidden /> : <RefreshCwIcon aria-hidden />}
        {busy ? "Verifying…" : "Verify now"}
      </Button>
      <p
        role="status"
        aria-live="polite"
        className={message?.tone === "error" ? "text-xs text-destructive" : "text-xs text-muted-foreground"}
      >
        {message?.text}
      </p>
    </div>
  );
}
