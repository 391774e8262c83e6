import { loadEnvFile } from "@/lib/load-env-file";
import { migrateDatabase } from "./migrate-database";

loadEnvFile();
const url = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/actenzo";
await migrateDatabase(url, { createIfMissing: true });
console.log(`Migrated ${new URL(url).pathname.slice(1)}`);
