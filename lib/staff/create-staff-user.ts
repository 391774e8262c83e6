import { z } from "zod";
import { db } from "@/db/client";
import { staffUsers, type StaffUser } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { generatePassword, hashPassword, passwordSchema } from "@/lib/auth/password";
import { isEmailLike, PASSWORD_MESSAGES } from "@/lib/auth/password-rules";
import { ConflictError } from "@/lib/errors";
import { auditStaffChange } from "./audit";
import { roleSchema, staffEmailSchema, staffNameSchema } from "./schemas";

const createStaffUserSchema = z
  .object({
    email: staffEmailSchema,
    name: staffNameSchema.optional(),
    role: roleSchema,
    password: passwordSchema.optional(),
  })
  .refine((v) => v.password === undefined || !isEmailLike(v.password, v.email), {
    message: PASSWORD_MESSAGES.email,
    path: ["password"],
  });

/**
 * Creates an active staff account with a password, outside the invite flow: the
 * `user:create` bootstrap CLI, the demo seed and test factories. Not a console action (it is
 * not authorized against a signed-in actor); admins use inviteStaff(). Without a password one
 * is generated and returned once; only its hash is stored.
 */
export async function createStaffUser(
  input: z.input<typeof createStaffUserSchema>,
  options: { actor?: Actor | null; via?: string } = {},
): Promise<{ user: StaffUser; password: string }> {
  const { email, name, role, password = generatePassword() } = createStaffUserSchema.parse(input);
  const passwordHash = await hashPassword(password);
  const user = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(staffUsers)
      .values({ email, name: name ?? email.split("@")[0]!, role, passwordHash })
      .onConflictDoNothing({ target: staffUsers.email })
      .returning();
    if (!created) throw new ConflictError(`A staff account for ${email} already exists.`);
    await auditStaffChange(tx, options.actor ?? null, "staff.created", created.id, {
      email,
      role,
      via: options.via ?? "bootstrap",
    });
    return created;
  });
  return { user, password };
}
