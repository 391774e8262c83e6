import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import path from "node:path";
import { connectPostgres } from "./connection-target";

export const MIGRATIONS_FOLDER = path.join(import.meta.dirname, "migrations");

/** Applies the committed migrations to `url`, creating the database first if asked. */
export async function migrateDatabase(url: string, options: { createIfMissing?: boolean } = {}) {
  if (options.createIfMissing) await createDatabaseIfMissing(url);
  const client = connectPostgres(url, { max: 1, onnotice: () => {} });
  try {
    await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await client.end();
  }
}

export async function createDatabaseIfMissing(url: string) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = connectPostgres(admin.toString(), { max: 1, onnotice: () => {} });
  try {
    const [row] = await client`select 1 from pg_database where datname = ${name}`;
    if (!row) await client.unsafe(`create database "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
