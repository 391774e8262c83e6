import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "@/db/client";
import { systemActor } from "@/lib/auth/actor";
import { env } from "@/lib/env";
import { sweepDueChecks } from "@/lib/key-health/sweep-due-checks";
import { setLogSink } from "@/lib/logger";
import { completeStep } from "@/lib/onboarding";
import { redis } from "@/lib/redis";
import { requestVerification } from "@/lib/verification";
import { drained, withWorkers, waitFor } from "@/tests/helpers/jobs";
import { grants, randomCredential, withSimulator } from "@/tests/helpers/simulator";
import { healthOf, makeDue, pauseOtherMonitoring } from "@/tests/factories/key-health";
import { merchantWithPair, runsOf } from "@/tests/factories/credential";

const lightspeed = withSimulator();
withWorkers(["verification", "health"]);
const logLines: string[] = [];
let restoreSink: () => void;
beforeAll(() => {
  restoreSink = setLogSink((line) => logLines.push(line));
});
afterAll(() => restoreSink());

/** Every value of every text-like column (text, varchar, char, json, jsonb, arrays) of every table. */
async function databaseText(): Promise<{ text: string; columns: string[] }> {
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
async function redisText(): Promise<{ text: string; keys: string[] }> {
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

describe("no plaintext key or secret at rest", () => {
  it("after a full flow, the database, Redis (job data included) and the logs hold neither", async () => {
    await pauseOtherMonitoring();
    const healthy = await merchantWithPair(lightspeed);
    const rejected = await merchantWithPair(lightspeed, { wrongSecret: randomCredential() });
    const gap = await merchantWithPair(lightspeed, { permissions: grants({ orders: { write: false } }) });
    for (const m of [healthy, rejected, gap])
      await waitFor(async () => (await runsOf(m.credentialId)).length, "the first runs");
    await drained("verification");
    await completeStep(systemActor("test"), { merchantId: healthy.merchant.id, stage: "live" });

    await requestVerification(healthy.staff.actor, { merchantId: healthy.merchant.id });
    await requestVerification(gap.staff.actor, { merchantId: gap.merchant.id });
    await drained("verification");
    await makeDue([healthy.merchant.id], "light");
    await sweepDueChecks();
    await drained("health");
    await makeDue([healthy.merchant.id], "full");
    await sweepDueChecks();
    await drained("health");
    expect(await healthOf(healthy.merchant.id)).toMatchObject({ state: "healthy" });
    expect((await runsOf(healthy.credentialId)).map((r) => r.trigger)).toEqual([
      "halves_complete",
      "verify_now",
      "health",
      "health",
    ]);

    const secrets = [healthy, rejected, gap].flatMap((m) => [m.key, m.secret]);
    const database = await databaseText();
    const store = await redisText();
    const logs = logLines.join("\n");

    // The scans covered what matters: ciphertext columns, BullMQ job data, the workers' logs.
    expect(database.columns).toEqual(
      expect.arrayContaining([
        "merchant_credentials.secret_ciphertext",
        "verification_runs.grants",
        "merchant_events.evidence",
        "audit_log.details",
      ]),
    );
    expect(store.keys.some((k) => k.includes(`verify-key.${healthy.credentialId}`))).toBe(true);
    expect(store.text).toContain(healthy.credentialId);
    expect(logs).toContain("verification recorded");
    for (const secret of secrets) {
      expect(database.text).not.toContain(secret);
      expect(store.text).not.toContain(secret);
      expect(logs).not.toContain(secret);
    }
  }, 60_000);
});
