import { Badge } from "@/components/ui/badge";
import type { ConnectLinkView, LinkState } from "@/lib/connect-links";
import { revokeConnectLinkAction } from "../credentials-actions";
import { InlineActionForm } from "./action-form";
import { TimeStamp } from "@/components/time/time-stamp";

const STATE_LABEL: Record<LinkState, string> = {
  valid: "Active",
  expired: "Expired",
  revoked: "Revoked",
  spent: "Used",
};

/** The merchant's recent links: active ones with their expiry and a revoke button, then history. */
export function ConnectLinkList({
  merchantId,
  links,
  canManage,
}: {
  merchantId: string;
  links: ConnectLinkView[];
  canManage: boolean;
}) {
  if (links.length === 0) return <p className="text-sm text-muted-foreground">No secure link yet.</p>;
  return (
    <ul className="grid gap-2 text-sm" aria-label="Secure links">
      {links.map((link) => (
        <li
          key={link.id}
          className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md border px-3 py-2"
          data-testid="connect-link-row"
        >
          <Badge variant={link.state === "valid" ? "default" : "outline"}>{STATE_LABEL[link.state]}</Badge>
          <span className="text-muted-foreground">
            Created <TimeStamp date={link.createdAt} mode="relative" />
            {link.state === "valid" && (
              <>
                {" "}
                · expires <TimeStamp date={link.expiresAt} mode="exact" />
              </>
            )}
            {link.spentAt && (
              <>
                {" "}
                · used <TimeStamp date={link.spentAt} mode="relative" />
              </>
            )}
            {link.attemptCount > 0 && (
              <>
                {" "}
                · {link.attemptCount} submission{link.attemptCount === 1 ? "" : "s"}
              </>
            )}
          </span>
          {canManage && link.state === "valid" && (
            <div className="ml-auto">
              <InlineActionForm
                action={revokeConnectLinkAction}
                fields={{ merchantId, linkId: link.id }}
                label="Revoke"
              />
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
