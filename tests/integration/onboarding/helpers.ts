import { sql } from "@/db/client";

/** Moves the current step's start into the past, so a test can see whether a write moved it. */
export async function backdateStep(id: string, days = 3): Promise<Date> {
  const at = new Date(Date.now() - days * 86_400_000);
  await sql`update merchants set stage_entered_at = ${at.toISOString()}::timestamptz where id = ${id}`;
  return at;
}
