import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { TimeStamp } from "@/components/time/time-stamp";
import type { StaffActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/actor";
import { getReminderOverview, type NextReminder } from "@/lib/reminders/get-next-reminder";
import { markRepliedAction } from "../reminder-actions";
import { InlineActionForm } from "./action-form";

const STOPS: Record<string, string> = {
  step_done: "the step is done",
  cancelled: "the merchant is cancelled",
  on_hold: "the merchant is on hold",
  unsubscribed: "the merchant unsubscribed",
  merchant_replied: "the merchant replied",
};

function NextLine({ next }: { next: NextReminder }) {
  switch (next.state) {
    case "planned":
      return (
        <p>
          Reminder {next.number} of {next.maxCount} goes <TimeStamp date={next.at} mode="both" /> (inside the
          merchant&apos;s business hours).
        </p>
      );
    case "muted":
      return (
        <p>
          Reminders are paused:{" "}
          {next.reason === "platform_incident" ? "a Lightspeed platform incident is open" : "the merchant snoozed them"}
          {next.until ? (
            <>
              {" "}
              until <TimeStamp date={next.until} mode="exact" />
            </>
          ) : null}
          .
        </p>
      );
    case "escalation":
      return (
        <p>
          The reminders ran out: the {next.to} is asked to step in <TimeStamp date={next.at} mode="both" />.
        </p>
      );
    case "stopped":
      return <p>No reminders: {STOPS[next.reason] ?? next.reason}.</p>;
    case "finished":
      return <p>All reminders went out and the specialist and lead were asked; nothing more is planned.</p>;
    case "called":
      return <p>The reminders ran out and the specialist called the merchant; nothing more is planned.</p>;
    case "none":
      return <p>No reminder planned: {next.why}</p>;
  }
}

/** The workspace's reminder card: the next planned reminder, a preview of it, what went out. */
export async function ReminderPanel({ merchantId, actor }: { merchantId: string; actor: StaffActor }) {
  const overview = await getReminderOverview(actor, merchantId);
  const preview = "preview" in overview.next ? overview.next.preview : null;
  return (
    <Card data-slot="reminder-panel">
      <CardHeader>
        <CardTitle>Reminders</CardTitle>
      </CardHeader>
      <CardContent className="space-y-3 text-sm">
        <NextLine next={overview.next} />
        {overview.unsubscribed && <p className="text-warning">The merchant unsubscribed from reminders.</p>}
        {preview && (
          <details className="rounded-md border p-2">
            <summary className="cursor-pointer font-medium">
              Preview of the next email ({preview.language.toUpperCase()})
            </summary>
            <p className="mt-2 font-medium">{preview.subject}</p>
            <pre className="mt-1 max-h-80 overflow-auto text-xs whitespace-pre-wrap">{preview.text}</pre>
          </details>
        )}
        {overview.sent.length > 0 && (
          <div>
            <p className="font-medium">Sent</p>
            <ul className="space-y-1">
              {overview.sent.map((s, i) => (
                <li key={i}>
                  {s.kind === "ask" ? "Asked to act" : `Reminder ${s.number ?? ""}`} ·{" "}
                  <TimeStamp date={s.at} mode="both" />
                </li>
              ))}
            </ul>
          </div>
        )}
        {can(actor, "merchant:update") && overview.next.state !== "stopped" && overview.next.state !== "none" && (
          <InlineActionForm
            action={markRepliedAction}
            fields={{ merchantId }}
            label="Merchant replied: stop reminders"
          />
        )}
      </CardContent>
    </Card>
  );
}
