import { databaseUrl, loadEnvFile } from "./env";
import { migrateDatabase } from "./migrate-database";

loadEnvFile();
const url = databaseUrl();
await migrateDatabase(url, { createIfMissing: true });
console.log(`Migrated ${new URL(url).pathname.slice(1)}`);
