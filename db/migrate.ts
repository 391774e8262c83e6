import { APP_DATABASE_ROLE, appDatabaseUrl, ownerDatabaseUrl } from "./database-urls";
import { loadEnvFile } from "./load-env-file";
import { migrateDatabase } from "./migrate-database";

/** `npm run db:migrate`: as the owner role, which also creates the app's role and its grants. */
loadEnvFile();
const url = ownerDatabaseUrl();
await migrateDatabase(url, { createIfMissing: true });
console.log(`Migrated ${new URL(url).pathname.slice(1)} as ${decodeURIComponent(new URL(url).username)}`);
const appUser = decodeURIComponent(new URL(appDatabaseUrl()).username);
if (appUser !== APP_DATABASE_ROLE) {
  console.warn(
    `DATABASE_URL connects as "${appUser}", not "${APP_DATABASE_ROLE}": the app can rewrite the audit log. See README, "Database role and outages".`,
  );
}
