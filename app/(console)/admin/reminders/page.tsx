import type { Metadata } from "next";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requirePagePermission } from "@/lib/auth/session";
import { STEP_LABELS } from "@/lib/pipeline/pipeline";
import { listReminderSettings } from "@/lib/reminders/settings";
import { PolicyForm, WordingForm } from "./settings-forms";

export const metadata: Metadata = { title: "Reminders" };

/** Leads and admins: the reminder policy per merchant step and the email wording per language (audited). */
export default async function ReminderSettingsPage() {
  const actor = await requirePagePermission("reminders:manage");
  const settings = await listReminderSettings(actor);
  return (
    <div className="grid gap-6">
      <div>
        <h1 className="text-2xl font-semibold">Reminders</h1>
        <p className="text-sm text-muted-foreground">
          Days are the merchant&apos;s business days (its country&apos;s holidays excluded); reminders go only within
          its business hours. After the last reminder and one more gap the specialist is asked, then the lead.
        </p>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Policy per step</CardTitle>
          <CardDescription>
            “Key verified” covers a merchant asked to act on our step (e.g. unticked checkboxes).
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          {settings.policies.map((p) => (
            <PolicyForm
              key={p.stage}
              stage={p.stage}
              label={STEP_LABELS[p.stage]}
              firstAfterDays={p.firstAfterDays}
              cadenceDays={p.cadenceDays}
              maxCount={p.maxCount}
            />
          ))}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Wording per language</CardTitle>
          <CardDescription>Leave empty to keep the built-in text (shown greyed).</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-6 lg:grid-cols-2">
          {settings.wording.map((w) => (
            <WordingForm key={w.language} {...w} />
          ))}
        </CardContent>
      </Card>
    </div>
  );
}
