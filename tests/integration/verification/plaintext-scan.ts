import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { sql } from "@/db/client";
import { env } from "@/lib/env";
import { redis } from "@/lib/redis";

/** Every value of every text-like column (text, varchar, char, json, jsonb, arrays) of every table. */
export async function databaseText(): Promise<{ text: string; columns: string[] }> {
  const columns = await sql<{ table_name: string; column_name: string }[]>`
    select table_name, column_name from information_schema.columns
    where table_schema = 'public' and data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')`;
  const parts: string[] = [];
  for (const { table_name, column_name } of columns) {
    const rows = await sql.unsafe(
      `select "${column_name}"::text as v from "${table_name}" where "${column_name}" is not null`,
    );
    for (const row of rows) parts.push(String(row.v));
  }
  return { text: parts.join("\n"), columns: columns.map((c) => `${c.table_name}.${c.column_name}`) };
}

/** Every Redis key under this run's prefix, whatever its type (BullMQ job hashes, lists, sorted sets, streams). */
export async function redisText(): Promise<{ text: string; keys: string[] }> {
  const client = redis();
  const keys: string[] = [];
  let cursor = "0";
  do {
    const [next, batch] = await client.scan(cursor, "MATCH", `${env.REDIS_PREFIX}:*`, "COUNT", 1000);
    cursor = next;
    keys.push(...batch);
  } while (cursor !== "0");
  const parts: string[] = [];
  for (const key of keys) {
    const type = await client.type(key);
    if (type === "string") parts.push((await client.get(key)) ?? "");
    else if (type === "hash") parts.push(JSON.stringify(await client.hgetall(key)));
    else if (type === "list") parts.push(...(await client.lrange(key, 0, -1)));
    else if (type === "set") parts.push(...(await client.smembers(key)));
    else if (type === "zset") parts.push(...(await client.zrange(key, 0, -1)));
    else if (type === "stream") parts.push(JSON.stringify(await client.xrange(key, "-", "+")));
    parts.push(key);
  }
  return { text: parts.join("\n"), keys };
}

/** Every file under a directory (a Maildir: message files of every folder), as text. */
export function filesText(dir: string): { text: string; files: string[] } {
  const files: string[] = [];
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const full = path.join(at, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.push(full);
    }
  };
  walk(dir);
  return { text: files.map((f) => readFileSync(f, "latin1")).join("\n"), files };
}
