import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import path from "node:path";
import { connectionTarget } from "./connection-target";

export const MIGRATIONS_FOLDER = path.join(import.meta.dirname, "migrations");

/** Applies the committed migrations to `url`, creating the database first if asked. */
export async function migrateDatabase(url: string, options: { createIfMissing?: boolean } = {}) {
  if (options.createIfMissing) await createDatabaseIfMissing(url);
  const client = connect(url);
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
  const client = connect(admin.toString());
  try {
    const [row] = await client`select 1 from pg_database where datname = ${name}`;
    if (!row) await client.unsafe(`create database "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/** One connection to `url`, over TCP or the Unix socket its `host` parameter names. */
function connect(url: string) {
  const target = connectionTarget(url);
  return postgres(target.url, { max: 1, ...(target.path ? { path: target.path } : {}), onnotice: () => {} });
}
