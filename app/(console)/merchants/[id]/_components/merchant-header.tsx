import { ExternalLinkIcon, MailIcon } from "@/components/ui/icons";
import { Badge } from "@/components/ui/badge";
import { AWAITING } from "@/lib/onboarding/agency-how-to";
import { OWNER_LABELS } from "@/lib/pipeline/pipeline";
import { formatDuration } from "@/lib/onboarding/workspace/present";
import type { MerchantWorkspace } from "@/lib/onboarding/workspace/types";
import type { AssignableStaff } from "@/lib/staff/list-assignable-staff";
import { AssignControl } from "./assign-control";
import { TimeStamp } from "@/components/time/time-stamp";

/** Who the merchant is, who looks after it, where it stands and who owes the next move. */
export function MerchantHeader({
  workspace,
  viewerId,
  staff,
}: {
  workspace: MerchantWorkspace;
  viewerId: string;
  staff: AssignableStaff[] | null;
}) {
  const { merchant: m } = workspace;
  const cancelled = m.cancelledAt !== null;
  return (
    <header className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 space-y-1">
          <h1 className="text-2xl font-semibold tracking-tight">{m.company}</h1>
          <p className="flex flex-wrap items-center gap-2 text-muted-foreground">
            <span>{m.shopName}</span>
            <a
              href={`https://${m.shopDomain}`}
              target="_blank"
              rel="noreferrer noopener"
              className="inline-flex min-w-0 items-center gap-1 break-all text-primary hover:underline"
            >
              {m.shopDomain}
              <ExternalLinkIcon className="size-3.5" aria-hidden />
            </a>
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2" aria-label="Status">
          {cancelled ? (
            <Badge variant="destructive">Cancelled</Badge>
          ) : workspace.ballInCourt ? (
            <Badge variant={workspace.ballInCourt === "merchant" ? "warning" : "default"} data-testid="ball-in-court">
              Ball in court: {OWNER_LABELS[workspace.ballInCourt]}
            </Badge>
          ) : (
            <Badge variant="success">All steps done</Badge>
          )}
          {m.onHold && <Badge variant="outline">On hold</Badge>}
        </div>
      </div>
      <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-4">
        <Item label="Current step">
          {workspace.currentStage ? (
            <>
              {/* What is awaited, not the step's done-name ("Waiting for the API key", not "API key received"). */}
              <span className="font-medium" data-testid="current-step">
                {workspace.ballInCourt === "merchant" && m.merchantActionRequired
                  ? "Waiting for the merchant to act"
                  : AWAITING[workspace.currentStage]}
              </span>
              <span className="block text-muted-foreground">
                for {formatDuration(workspace.timeInStepMs)} (since{" "}
                <TimeStamp date={workspace.stageEnteredAt} mode="exact" />)
              </span>
            </>
          ) : (
            <span className="font-medium" data-testid="current-step">
              Live, every step done
            </span>
          )}
        </Item>
        <Item label="Specialist">
          <AssignControl
            merchantId={m.id}
            specialist={workspace.specialist}
            viewerId={viewerId}
            abilities={workspace.abilities}
            staff={staff}
            disabled={cancelled}
          />
        </Item>
        <Item label="Contact">
          <span className="block">{m.contactName}</span>
          <a
            href={`mailto:${m.contactEmail}`}
            className="inline-flex max-w-full items-center gap-1 break-all text-primary hover:underline"
          >
            <MailIcon className="size-3.5" aria-hidden />
            {m.contactEmail}
          </a>
        </Item>
        <Item label="Shop">
          <span className="flex flex-wrap gap-1.5">
            <Badge variant="outline" title="Lightspeed cluster">
              {m.cluster}
            </Badge>
            <Badge variant="outline" title="Shop language">
              {m.language}
            </Badge>
            <Badge variant="outline" title="Country">
              {m.country}
            </Badge>
          </span>
          <span className="mt-1 block text-muted-foreground">
            Signed up <TimeStamp date={m.createdAt} mode="relative" />
          </span>
        </Item>
      </dl>
    </header>
  );
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium uppercase tracking-wide text-muted-foreground">{label}</dt>
      <dd className="mt-1">{children}</dd>
    </div>
  );
}
