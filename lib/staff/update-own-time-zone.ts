import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { parseInput } from "@/lib/validation/parse-input";
import { db } from "@/db/client";
import { staffUsers } from "@/db/schema";
import { authorize, type StaffActor } from "@/lib/auth/actor";
import { ValidationError } from "@/lib/errors";
import { timeZoneSchema } from "@/lib/time";
import { auditStaffChange } from "./audit";

const inputSchema = z.object({ timeZone: timeZoneSchema });

/**
 * Sets the signed-in staff member's own time zone (every time in the console is then shown and
 * read in it, from the next request). Audited with the old and new zone.
 */
export async function updateOwnTimeZone(
  actor: StaffActor | null,
  input: { timeZone: string },
): Promise<{ timeZone: string }> {
  authorize(actor, "profile:update");
  const { timeZone } = parseInput(inputSchema, input, { message: "Choose a valid time zone." });
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ timeZone: staffUsers.timeZone })
      .from(staffUsers)
      .where(eq(staffUsers.id, actor.id))
      .for("update");
    if (!before) throw new ValidationError("Your account no longer exists.");
    if (before.timeZone === timeZone) return { timeZone };
    await tx
      .update(staffUsers)
      .set({ timeZone, updatedAt: sql`now()` })
      .where(eq(staffUsers.id, actor.id));
    await auditStaffChange(tx, actor, "staff.time_zone_changed", actor.id, { from: before.timeZone, to: timeZone });
    return { timeZone };
  });
}
