import { sql } from "@/db/client";
import { JOB_NAMES, getQueue } from "@/lib/jobs/queues";

/**
 * Turns due outbox rows into `send-email` jobs: planned rows whose time has come (new, retried
 * after an SMTP error, postponed) and claims whose lease ran out (a worker died mid-send). The job
 * id names row and attempt, so a tick that sees the same row again adds nothing; the claim in the
 * row, not the job, is what makes a send happen at most once.
 */
export async function enqueueDueEmails(options: { limit?: number; ids?: readonly string[] } = {}): Promise<number> {
  const limit = options.limit ?? 20_000;
  const rows = options.ids
    ? await sql<{ id: string; attempts: number }[]>`
        select id, attempts from outbox_emails
        where id = any(${`{${options.ids.join(",")}}`}::uuid[]) and status = 'planned' and due_at <= now()`
    : await sql<{ id: string; attempts: number }[]>`
        select id, attempts from outbox_emails
        where (status = 'planned' and due_at <= now()) or (status = 'claimed' and lease_until < now())
        order by due_at limit ${limit}`;
  if (!rows.length) return 0;
  const queue = getQueue("mail");
  for (let i = 0; i < rows.length; i += 1000) {
    await queue.addBulk(
      rows.slice(i, i + 1000).map((r) => ({
        name: JOB_NAMES.sendEmail,
        data: { outboxId: r.id },
        opts: { jobId: `send-email.${r.id}.${r.attempts}` },
      })),
    );
  }
  return rows.length;
}
