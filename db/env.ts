import { z } from "zod";

/**
 * The one variable db/ reads. lib/env.ts validates it with this same schema, together with the rest
 * of the environment; db/ reads it here because nothing in db/ imports lib/ (see ARCHITECTURE.md).
 */
export const DATABASE_URL_SCHEMA = z.url().default("postgres://actenzo_app@127.0.0.1:5432/actenzo");

let cached: { raw: string | undefined; url: string } | undefined;

/** DATABASE_URL, validated; re-read when process.env changes (tests point each worker at its own database). */
export function databaseUrl(): string {
  const raw = process.env.DATABASE_URL;
  if (cached?.raw !== raw || !cached) {
    const result = DATABASE_URL_SCHEMA.safeParse(raw);
    if (!result.success) {
      const problem = raw === "" ? "is missing" : `is invalid: ${result.error.issues[0]?.message}`;
      throw new Error(`Invalid environment:\n  - DATABASE_URL ${problem}`);
    }
    cached = { raw, url: result.data };
  }
  return cached.url;
}
