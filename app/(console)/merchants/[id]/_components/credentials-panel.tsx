import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Separator } from "@/components/ui/separator";
import { can, type StaffActor } from "@/lib/auth/actor";
import { listConnectLinks } from "@/lib/connect-links";
import { getCredentialSummary } from "@/lib/credentials";
import { ConnectLinkCreate } from "./connect-link-create";
import { ConnectLinkList } from "./connect-link-list";
import { CredentialsHalfForm } from "./credentials-half-form";
import { CredentialsPair } from "./credentials-pair";

/**
 * The merchant's Lightspeed key and secret: the active pair and its pending replacement with
 * fingerprints and which half is missing, forms to record each half, the lead/admin reveal, and
 * the secure link for the merchant. Server component; renders no secret.
 */
export async function CredentialsPanel({
  merchantId,
  actor,
  readOnly = false,
}: {
  merchantId: string;
  actor: StaffActor;
  readOnly?: boolean;
}) {
  const [summary, links] = await Promise.all([
    getCredentialSummary(actor, merchantId),
    listConnectLinks(actor, merchantId),
  ]);
  // A cancelled merchant is read-only: no key forms and no new links (the verbs refuse them too).
  const canRecord = !readOnly && can(actor, "credentials:record");
  const canReveal = can(actor, "credentials:reveal");
  const canManageLinks = !readOnly && can(actor, "connect-link:manage");

  return (
    <Card data-testid="credentials-panel">
      <CardHeader>
        <CardTitle>API key and secret</CardTitle>
        <CardDescription>
          The merchant sends the key and the secret separately. A new pair replaces the active one only once it
          verifies.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6">
        <div className="grid gap-3">
          {summary.active && (
            <CredentialsPair title="Active pair" pair={summary.active} merchantId={merchantId} canReveal={canReveal} />
          )}
          {summary.pending && (
            <CredentialsPair
              title={summary.active ? "New pair (replaces the active one once verified)" : "Pair being collected"}
              pair={summary.pending}
              merchantId={merchantId}
              canReveal={canReveal}
            />
          )}
          {!summary.active && !summary.pending && (
            <p className="text-sm text-muted-foreground">No key or secret recorded yet.</p>
          )}
        </div>

        {canRecord && (
          <div className="grid gap-3 xl:grid-cols-2">
            <CredentialsHalfForm merchantId={merchantId} half="key" />
            <CredentialsHalfForm merchantId={merchantId} half="secret" />
          </div>
        )}
        {canRecord && summary.pending?.status === "rejected" && (
          <p className="text-xs text-muted-foreground">
            A new key starts a new pair (its own secret must follow); a new secret alone is paired with the current key.
          </p>
        )}

        <Separator />
        <section className="grid gap-3" aria-labelledby="connect-links-title">
          <div>
            <h3 id="connect-links-title" className="text-sm font-medium">
              Secure link for the merchant
            </h3>
            <p className="text-sm text-muted-foreground">
              The merchant enters key and secret on a one-time page that checks them on the spot, so the secret need not
              travel by email.
            </p>
          </div>
          {canManageLinks && <ConnectLinkCreate merchantId={merchantId} />}
          <ConnectLinkList merchantId={merchantId} links={links} canManage={canManageLinks} />
        </section>
      </CardContent>
    </Card>
  );
}
