import { CircleCheckIcon, CircleDashedIcon } from "@/components/ui/icons";
import { Badge } from "@/components/ui/badge";
import type { CredentialView } from "@/lib/credentials/get-credential-summary";
import { CREDENTIAL_STATUS_LABELS, type CredentialStatus } from "@/lib/credentials/statuses";
import { CredentialsRevealDialog } from "./credentials-reveal-dialog";
import { TimeStamp } from "@/components/time/time-stamp";

const STATUS_VARIANT: Record<CredentialStatus, "default" | "secondary" | "destructive" | "outline"> = {
  active: "default",
  verifying: "secondary",
  collecting: "outline",
  rejected: "destructive",
  superseded: "outline",
};

/** One pair: fingerprint, which halves are in (and when), status. Never the secret itself. */
export function CredentialsPair({
  title,
  pair,
  merchantId,
  canReveal,
}: {
  title: string;
  pair: CredentialView;
  merchantId: string;
  canReveal: boolean;
}) {
  return (
    <section
      className="grid gap-3 rounded-md border p-4"
      aria-label={title}
      data-testid={`credentials-${pair.status === "active" ? "active" : "pending"}`}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-medium">{title}</h3>
        <Badge variant={STATUS_VARIANT[pair.status]}>{CREDENTIAL_STATUS_LABELS[pair.status]}</Badge>
      </div>
      <dl className="grid gap-2 text-sm sm:grid-cols-2">
        <Half
          label="API key"
          present={pair.hasKey}
          at={pair.keyReceivedAt}
          detail={pair.keyFingerprint ? <code className="font-mono">{pair.keyFingerprint}</code> : null}
        />
        <Half
          label="API secret"
          present={pair.hasSecret}
          at={pair.secretReceivedAt}
          detail={pair.hasSecret ? <span className="text-muted-foreground">stored encrypted</span> : null}
        />
      </dl>
      {pair.rejectionReason && pair.status === "rejected" && (
        <p className="text-sm text-destructive">{pair.rejectionReason}</p>
      )}
      <div className="flex flex-wrap items-center justify-between gap-2 text-xs text-muted-foreground">
        <span>
          {pair.cluster ? `Cluster ${pair.cluster} · ` : ""}
          {pair.verifiedAt ? (
            <>
              Verified <TimeStamp date={pair.verifiedAt} mode="relative" />
            </>
          ) : (
            <>
              Started <TimeStamp date={pair.createdAt} mode="relative" />
            </>
          )}
        </span>
        {canReveal && pair.hasSecret && (
          <CredentialsRevealDialog merchantId={merchantId} credentialId={pair.id} fingerprint={pair.keyFingerprint} />
        )}
      </div>
    </section>
  );
}

function Half({
  label,
  present,
  at,
  detail,
}: {
  label: string;
  present: boolean;
  at: Date | null;
  detail: React.ReactNode;
}) {
  return (
    <div className="grid gap-0.5">
      <dt className="flex items-center gap-1.5 font-medium">
        {present ? (
          <CircleCheckIcon className="size-4 text-success" aria-hidden />
        ) : (
          <CircleDashedIcon className="size-4 text-muted-foreground" aria-hidden />
        )}
        {label}
      </dt>
      <dd className="text-muted-foreground">
        {present && at ? (
          <>
            {detail} {detail ? "· " : ""}received <TimeStamp date={at} mode="exact" />
          </>
        ) : (
          "Missing"
        )}
      </dd>
    </div>
  );
}
