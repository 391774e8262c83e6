import { TriangleAlertIcon } from "@/components/ui/icons";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import type { ShellFacts } from "@/lib/console/shell-facts";
import { formatDateTime } from "@/lib/time";

/**
 * Shown across the console while Lightspeed itself is failing for many merchants: one banner
 * instead of a flood of per-merchant alerts. Server component; the signed-in layout reads the
 * incident with its other shell facts (lib/console/shell-facts.ts) and passes it with the viewer's zone.
 */
export function PlatformIncidentBanner({ incident, zone }: { incident: ShellFacts["incident"]; zone: string }) {
  if (!incident) return null;
  return (
    <Alert variant="destructive" data-testid="platform-incident-banner">
      <TriangleAlertIcon aria-hidden />
      <AlertTitle>Lightspeed is having trouble</AlertTitle>
      <AlertDescription>
        {incident.summary} Merchant alerts for platform errors are paused until checks succeed again (open since{" "}
        {formatDateTime(incident.openedAt, zone)}).
      </AlertDescription>
    </Alert>
  );
}
