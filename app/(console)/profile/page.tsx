import type { Metadata } from "next";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { requirePagePermission } from "@/lib/auth/session";
import { actorTimeZone, agencyTimeZone } from "@/lib/staff/time-zone";
import { formatDateTime, timeZoneChoices } from "@/lib/time";
import { getDigestPreferences } from "@/lib/digests/update-digest-preferences";
import { DigestForm } from "./_components/digest-form";
import { TimeZoneForm } from "./_components/time-zone-form";

export const metadata: Metadata = { title: "Your profile" };

/** The signed-in staff member's own settings: the time zone every time is shown in, and the digests. */
export default async function ProfilePage() {
  const actor = await requirePagePermission("profile:update");
  const zone = actorTimeZone(actor);
  const digests = await getDigestPreferences(actor);
  return (
    <div className="grid max-w-2xl gap-6">
      <div>
        <h1 className="text-2xl font-semibold">Your profile</h1>
        <p className="text-sm text-muted-foreground">
          {actor.name} · {actor.email} · {ROLE_LABELS[actor.role]}
        </p>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Time zone</CardTitle>
          <CardDescription>
            Every time in the console is shown in this zone, and dates you type are read in it. The agency&apos;s zone
            is {agencyTimeZone()}. It is now <span data-testid="profile-now">{formatDateTime(new Date(), zone)}</span>.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <TimeZoneForm current={zone} choices={timeZoneChoices()} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Email digests</CardTitle>
          <CardDescription>Sent to {actor.email}, in your time zone. Untick a digest to stop it.</CardDescription>
        </CardHeader>
        <CardContent>
          <DigestForm current={digests} />
        </CardContent>
      </Card>
    </div>
  );
}
