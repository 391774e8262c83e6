import postgres from "postgres";
import { Redis } from "ioredis";
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "@/db/migrate-database";
import { ADMIN_DB_URL, newRunId, ownerDatabaseUrl } from "./test-env";

declare module "vitest" {
  export interface ProvidedContext {
    testRunId: string;
    templateDatabase: string;
  }
}

/**
 * Migrates one template database per run; each vitest worker clones it (see worker-setup.ts),
 * so workers and concurrent runs never share rows. Everything is dropped at the end.
 */
export default async function setup(project: TestProject) {
  const runId = newRunId();
  const template = `t_${runId}_tpl`;
  const admin = postgres(ADMIN_DB_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${template}"`);
  await migrateDatabase(ownerDatabaseUrl(template));
  project.provide("testRunId", runId);
  project.provide("templateDatabase", template);

  return async () => {
    const dbs = await admin`select datname from pg_database where datname like ${`t_${runId}_%`}`;
    for (const { datname } of dbs) await admin.unsafe(`drop database if exists "${datname}" with (force)`);
    await admin.end();
    const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379/0");
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `t:${runId}:*`, "COUNT", 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== "0");
    redis.disconnect();
  };
}
