import { z } from "zod";
import { parseArgs } from "node:util";
import { loadEnvFile } from "@/lib/load-env-file";
import { ROLES } from "@/lib/auth/roles";

/**
 * Bootstraps a staff account (usually the first admin):
 *   npm run user:create -- --email ada@actenzo.nl --role admin [--name "Ada Admin"]
 * Prints a one-time random password once; it is stored only as an argon2id hash.
 * Exit codes: 0 created, 1 failed, 2 bad flags, 3 email already exists.
 */
loadEnvFile();

const flagsSchema = z.object({
  email: z
    .string({ error: "--email is required" })
    .trim()
    .toLowerCase()
    .pipe(z.email("--email must be an email address")),
  role: z.enum(ROLES, { error: `--role must be one of: ${ROLES.join(", ")}` }),
  name: z.string().trim().min(1, "--name must not be empty").max(120).optional(),
});

function usage(message: string): never {
  console.error(`${message}\nUsage: npm run user:create -- --email EMAIL --role ${ROLES.join("|")} [--name NAME]`);
  process.exit(2);
}

let values: Record<string, unknown>;
try {
  ({ values } = parseArgs({
    options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" } },
    strict: true,
  }));
} catch (error) {
  usage((error as Error).message);
}
const flags = flagsSchema.safeParse(values);
if (!flags.success) usage(flags.error.issues.map((i) => i.message).join("\n"));

// Imported after loadEnvFile() so the database client sees .env.
const { createStaffUser } = await import("@/lib/staff/create-staff-user");
const { ConflictError } = await import("@/lib/errors");
const { closeDb } = await import("@/db/client");

let exitCode = 0;
try {
  const { user, password } = await createStaffUser(flags.data, { via: "cli:user:create" });
  console.log(`Created ${user.role} ${user.name} <${user.email}>.`);
  console.log(`One-time password (shown once, store it now): ${password}`);
} catch (error) {
  exitCode = error instanceof ConflictError ? 3 : 1;
  console.error(
    error instanceof ConflictError ? error.message : `Could not create the user: ${(error as Error).message}`,
  );
} finally {
  await closeDb();
}
process.exit(exitCode);
