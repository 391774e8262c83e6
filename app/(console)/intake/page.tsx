import type { Metadata } from "next";
import { TimeStamp } from "@/components/time/time-stamp";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requirePagePermission } from "@/lib/auth/session";
import { listTriage } from "@/lib/intake";
import { intakeConfig } from "@/lib/intake/intake-config";
import { TriageActions } from "./_components/triage-actions";

export const metadata: Metadata = { title: "Mailbox triage" };
export const dynamic = "force-dynamic";

/**
 * The access mailbox's triage: mail the intake could not pin on one merchant. Bodies are shown
 * redacted (every token masked); assigning records what the mail held for the chosen merchant.
 */
export default async function IntakePage() {
  const actor = await requirePagePermission("intake:triage");
  const messages = await listTriage(actor);
  const enabled = !!intakeConfig();
  return (
    <div className="grid gap-6">
      <div>
        <h1 className="text-2xl font-semibold">Mailbox triage</h1>
        <p className="text-sm text-muted-foreground">
          Mail to the access mailbox from an unknown sender, or from an address several merchants share. Keys and
          secrets are masked here; assign the message to record them for the merchant.
          {enabled ? "" : " The mailbox intake is off (INTAKE_IMAP_URL is not set)."}
        </p>
      </div>
      {messages.length === 0 ? (
        <Card>
          <CardHeader>
            <CardTitle>Nothing to sort</CardTitle>
            <CardDescription>Every message in the access mailbox was matched to its merchant.</CardDescription>
          </CardHeader>
        </Card>
      ) : (
        <ul className="grid gap-4" aria-label="Messages to sort">
          {messages.map((m) => (
            <li key={m.id}>
              <Card data-testid="triage-message">
                <CardHeader>
                  <CardTitle className="flex flex-wrap items-center gap-2 text-base">
                    <span className="break-all">{m.subject || "(no subject)"}</span>
                    {m.hasTokens && <Badge variant="secondary">holds a key or secret</Badge>}
                  </CardTitle>
                  <CardDescription className="flex flex-wrap gap-x-3">
                    <span className="break-all">
                      From {m.fromName ? `${m.fromName} ` : ""}
                      {m.fromAddress ? `<${m.fromAddress}>` : "(no sender)"}
                    </span>
                    {m.sentAt && <TimeStamp date={m.sentAt} mode="exact" prefix="Sent " />}
                  </CardDescription>
                  {m.triageReason && <p className="text-sm">{m.triageReason}</p>}
                </CardHeader>
                <CardContent className="grid gap-4">
                  <pre className="max-h-64 overflow-auto rounded-md bg-muted p-3 text-sm whitespace-pre-wrap">
                    {m.redactedBody || "(empty)"}
                  </pre>
                  <TriageActions messageId={m.id} />
                </CardContent>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
