import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache, Suspense } from "react";
import { ArrowLeftIcon } from "@/components/ui/icons";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { can } from "@/lib/auth/actor";
import { requirePagePermission } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { getMerchantWorkspace, listTimeline } from "@/lib/onboarding/workspace";
import { listAssignableStaff } from "@/lib/staff/list-assignable-staff";
import { actorTimeZone } from "@/lib/staff/time-zone";
import { Checklist } from "./_components/checklist";
import { CredentialsPanel } from "./_components/credentials-panel";
import { MerchantActions } from "./_components/merchant-actions";
import { MerchantHeader } from "./_components/merchant-header";
import { NotesBox } from "./_components/notes-box";
import { SlaClocksCard } from "./_components/sla-clocks-card";
import { ReminderPanel } from "./_components/reminder-panel";
import { ShopIdentityBanner } from "./_components/shop-identity-banner";
import { StatusBanners } from "./_components/status-banners";
import { TaskBanner } from "./_components/task-banner";
import { Timeline } from "./_components/timeline";
import { VerificationHistory } from "./_components/verification-history";

type Props = { params: Promise<{ id: string }> };

/**
 * One load per request, shared by the page and its metadata. There is deliberately no
 * loading.tsx in this segment: its Suspense boundary would send the shell (status 200) before
 * this load could call notFound(), so an unknown merchant would answer 200. The slow panels
 * stream in their own Suspense boundaries below instead.
 */
const loadWorkspace = cache(async (id: string) => {
  const actor = await requirePagePermission("merchant:read");
  const workspace = await getMerchantWorkspace(actor, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  return { actor, workspace };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { workspace } = await loadWorkspace((await params).id);
  return { title: workspace.merchant.company };
}

/** The merchant workspace: everything about one merchant's onboarding, and every action on it. */
export default async function MerchantPage({ params }: Props) {
  const { id } = await params;
  const { actor, workspace } = await loadWorkspace(id);
  const [timeline, staff] = await Promise.all([
    listTimeline(actor, id),
    can(actor, "merchant:assign") ? listAssignableStaff(actor) : Promise.resolve(null),
  ]);
  const newest = timeline.events[0]?.id ?? 0;

  return (
    <div className="mx-auto max-w-7xl min-w-0 space-y-6 lg:p-6">
      <Link
        href="/queue"
        className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
      >
        <ArrowLeftIcon className="size-4" aria-hidden /> Onboarding queue
      </Link>
      <MerchantHeader workspace={workspace} viewerId={actor.id} staff={staff} />
      <StatusBanners workspace={workspace} />
      <Suspense fallback={null}>
        <TaskBanner actor={actor} merchantId={workspace.merchant.id} />
      </Suspense>
      <ShopIdentityBanner workspace={workspace} />
      <MerchantActions workspace={workspace} />

      <div className="grid grid-cols-1 gap-6 *:min-w-0 lg:grid-cols-[minmax(0,1fr)_minmax(320px,400px)] lg:grid-rows-[auto_auto_1fr] lg:[grid-template-areas:'checklist_side'_'credentials_side'_'verification_side']">
        <div className="lg:[grid-area:checklist]">
          <Checklist workspace={workspace} timeZone={actorTimeZone(actor)} />
        </div>

        {/* Key intake and verification history: each streams in its own Card, so a slow one holds up nothing else. */}
        <div className="lg:[grid-area:credentials]" data-slot="credentials-panel">
          <Suspense fallback={<Skeleton className="h-48" />}>
            <CredentialsPanel
              merchantId={workspace.merchant.id}
              actor={actor}
              readOnly={workspace.merchant.cancelledAt !== null}
            />
          </Suspense>
        </div>
        <div className="lg:[grid-area:verification]" data-slot="verification-history">
          <Suspense fallback={<Skeleton className="h-32" />}>
            <VerificationHistory
              merchantId={workspace.merchant.id}
              actor={actor}
              readOnly={workspace.merchant.cancelledAt !== null}
            />
          </Suspense>
        </div>

        <aside className="space-y-6 lg:[grid-area:side]">
          <Suspense fallback={<Skeleton className="h-40 w-full" />}>
            <SlaClocksCard
              actor={actor}
              merchantId={workspace.merchant.id}
              mayEditCalendar={can(actor, "sla:manage")}
            />
          </Suspense>
          <Suspense fallback={<Skeleton className="h-24" />}>
            <ReminderPanel merchantId={workspace.merchant.id} actor={actor} />
          </Suspense>
          <Card>
            <CardHeader>
              <CardTitle>Notes</CardTitle>
            </CardHeader>
            <CardContent>
              <NotesBox merchantId={workspace.merchant.id} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Timeline</CardTitle>
            </CardHeader>
            <CardContent>
              {/* Remounts when a new event arrives, so "load more" state never mixes with a fresh first page. */}
              <Timeline key={newest} merchantId={workspace.merchant.id} initial={timeline} />
            </CardContent>
          </Card>
        </aside>
      </div>
    </div>
  );
}
