import { z } from "zod";
import { textInput } from "@/lib/validation/text";
import { ROLES } from "@/lib/auth/roles";

/** Emails are stored lower-cased and trimmed, so sign-in and uniqueness ignore case. */
export const staffEmailSchema = textInput().trim().toLowerCase().pipe(z.email("Enter a valid email address."));
export const staffNameSchema = textInput().trim().min(1, "Enter a name.").max(120, "Use at most 120 characters.");
export const roleSchema = z.enum(ROLES, { error: "Choose a role." });
export const staffIdSchema = z.uuid("Unknown staff member.");

export const inviteStaffSchema = z.object({ name: staffNameSchema, email: staffEmailSchema, role: roleSchema });
export type InviteStaffInput = z.input<typeof inviteStaffSchema>;

export const changeStaffRoleSchema = z.object({ staffId: staffIdSchema, role: roleSchema });
