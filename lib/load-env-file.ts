/** Defined in db/env.ts, the lowest layer that needs it (db/migrate.ts); everything above imports it from here. */
export { loadEnvFile } from "@/db/env";
