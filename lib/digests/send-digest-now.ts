import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { staffUsers } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { deliverOutboxEmail, type DeliveryOutcome } from "@/lib/reminders/outbox/deliver-outbox-email";
import { planDueDigests } from "./plan-due-digests";

/**
 * The `npm run digests -- send-now` command (demo, support): plans the digests this person would
 * get today, whatever the hour or weekday, and sends them at once through the outbox. Still once
 * per key: a digest already sent today (or this week) is not sent again.
 */
export async function sendDigestNow(
  email: string,
  now = new Date(),
): Promise<{ planned: number; outcomes: DeliveryOutcome[] }> {
  const [person] = await db
    .select({ id: staffUsers.id, active: staffUsers.active })
    .from(staffUsers)
    .where(eq(staffUsers.email, email.trim().toLowerCase()));
  if (!person?.active) throw new NotFoundError(`No active staff member with the email ${email}.`);
  const plan = await planDueDigests(now, { staffId: person.id, force: true });
  const outcomes: DeliveryOutcome[] = [];
  for (const id of plan.ids) outcomes.push(await deliverOutboxEmail(id, now));
  return { planned: plan.planned, outcomes };
}
