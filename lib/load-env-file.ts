/** Defined in db/load-env-file.ts, the lowest layer that needs it (db/migrate.ts); entry points above db/ import it from here. */
export { loadEnvFile } from "@/db/load-env-file";
