import { databaseUrl } from "./env";
import { loadEnvFile } from "./load-env-file";
import { migrateDatabase } from "./migrate-database";

loadEnvFile();
const url = databaseUrl();
await migrateDatabase(url, { createIfMissing: true });
console.log(`Migrated ${new URL(url).pathname.slice(1)}`);
