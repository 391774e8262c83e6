/** The role the migrations create for the app (db/migrations/*_app_role.sql). */
export const APP_DATABASE_ROLE = "actenzo_app";

const DEFAULT_APP_URL = `postgres://${APP_DATABASE_ROLE}@127.0.0.1:5432/actenzo`;

type Source = Record<string, string | undefined>;

/** Where the app connects: DATABASE_URL, defaulting like lib/env.ts. */
export function appDatabaseUrl(source: Source = process.env): string {
  return source.DATABASE_URL || DEFAULT_APP_URL;
}

/**
 * Where migrations connect: DATABASE_OWNER_URL, else the app's database as the `postgres` user
 * (local trust auth: no password is carried over from the app's URL).
 */
export function ownerDatabaseUrl(source: Source = process.env): string {
  if (source.DATABASE_OWNER_URL) return source.DATABASE_OWNER_URL;
  const url = new URL(appDatabaseUrl(source));
  url.username = "postgres";
  url.password = "";
  return url.toString();
}
