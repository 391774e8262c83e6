import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { TimeStamp } from "@/components/time/time-stamp";
import { requirePagePermission } from "@/lib/auth/session";
import { devMailEnabled, listCapturedMail } from "@/lib/dev-mail/list-captured-mail";

export const metadata: Metadata = { title: "Sent mail (dev)" };
export const dynamic = "force-dynamic";

/** Admins, development and demo only: what the local mail sink captured, newest first. */
export default async function DevMailPage() {
  const actor = await requirePagePermission("dev-mail:read");
  if (!devMailEnabled()) notFound();
  const messages = await listCapturedMail(actor);
  return (
    <div className="grid gap-6">
      <div>
        <h1 className="text-2xl font-semibold">Sent mail</h1>
        <p className="text-sm text-muted-foreground">
          What the console sent to the local mail sink (development and demo only; nothing here leaves this machine).
        </p>
      </div>
      {messages.length === 0 && <p className="text-sm">No mail captured yet.</p>}
      {messages.map((m) => (
        <Card key={m.file} data-testid="captured-mail">
          <CardHeader>
            <CardTitle className="text-base">{m.subject}</CardTitle>
            <CardDescription>
              To {m.to} · <TimeStamp date={m.receivedAt} mode="both" />
            </CardDescription>
          </CardHeader>
          <CardContent>
            <details>
              <summary className="cursor-pointer text-sm">Text</summary>
              <pre className="mt-2 max-h-96 overflow-auto text-xs whitespace-pre-wrap">{m.text}</pre>
            </details>
          </CardContent>
        </Card>
      ))}
    </div>
  );
}
