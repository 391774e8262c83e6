import { randomBytes } from "node:crypto";
import { APP_DATABASE_ROLE } from "@/db/database-urls";

/** The fixed, non-secret values every test process runs with. Databases and Redis prefixes are per run. */
export const TEST_ENV = {
  NODE_ENV: "test",
  NEXTAUTH_SECRET: "test-nextauth-secret-0123456789abcdef0123",
  NEXTAUTH_URL: "http://localhost:3000",
  SIGNUPS_API_TOKEN: "test-signups-token-0123456789abcdef",
  CRM_API_TOKEN: "test-crm-token-0123456789abcdef012345",
  SECRETS_KEYRING: `v1:${Buffer.alloc(32, 1).toString("base64")},v2:${Buffer.alloc(32, 2).toString("base64")}`,
  SECRETS_ACTIVE_KEY: "v2",
  LOG_LEVEL: "silent",
} as const;

export const ADMIN_DB_URL = process.env.TEST_ADMIN_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** The database `name` as the owner (migrations, creating and dropping databases, rewriting history). */
export function ownerDatabaseUrl(name: string) {
  const url = new URL(ADMIN_DB_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The database `name` as the app's own role, the way the app and the workers connect. */
export function databaseUrl(name: string) {
  const url = new URL(ownerDatabaseUrl(name));
  url.username = APP_DATABASE_ROLE;
  url.password = "";
  return url.toString();
}

export function newRunId() {
  return `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
}
