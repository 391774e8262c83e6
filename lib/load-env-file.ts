import { existsSync } from "node:fs";

/** CLIs and workers read `.env` the way Next does; variables already set win. */
export function loadEnvFile(path = ".env") {
  if (existsSync(path)) process.loadEnvFile(path);
}
