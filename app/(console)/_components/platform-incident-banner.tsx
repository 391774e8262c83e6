import { AlertTriangle } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import type { Actor } from "@/lib/auth/actor";
import { getOpenPlatformIncident } from "@/lib/key-health/platform-incident";
import { actorTimeZone } from "@/lib/staff/time-zone";
import { formatDateTime } from "@/lib/time";

/**
 * Shown across the console while Lightspeed itself is failing for many merchants: one banner
 * instead of a flood of per-merchant alerts. Server component; mount it in the signed-in layout.
 */
export async function PlatformIncidentBanner({ actor }: { actor: Actor }) {
  const incident = await getOpenPlatformIncident(actor);
  if (!incident) return null;
  return (
    <Alert variant="destructive" data-testid="platform-incident-banner">
      <AlertTriangle aria-hidden />
      <AlertTitle>Lightspeed is having trouble</AlertTitle>
      <AlertDescription>
        {incident.summary} Merchant alerts for platform errors are paused until checks succeed again (open since{" "}
        {formatDateTime(incident.openedAt, actorTimeZone(actor))}).
      </AlertDescription>
    </Alert>
  );
}
