import { existsSync } from "node:fs";

/**
 * CLIs and workers read `.env` the way Next does; variables already set win. Lives in db/ because
 * db/migrate.ts needs it and db/ imports nothing above it; only entry points import it (in a module
 * Next bundles, the file access would make Next trace the whole project).
 */
export function loadEnvFile(path = ".env") {
  if (existsSync(path)) process.loadEnvFile(path);
}
