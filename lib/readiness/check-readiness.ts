import { sql } from "@/db/client";
import { redis } from "@/lib/redis";

export type DependencyCheck = { ok: boolean; latencyMs: number; error?: string };
export type Readiness = { ok: boolean; checks: { postgres: DependencyCheck; redis: DependencyCheck } };

const TIMEOUT_MS = 2_000;

/** Pings PostgreSQL and Redis, each bounded by a timeout, so a hung dependency answers 503 fast. */
export async function checkReadiness(): Promise<Readiness> {
  const [postgres, redisCheck] = await Promise.all([
    timed(async () => void (await sql`select 1`)),
    timed(async () => void (await redis().ping())),
  ]);
  return { ok: postgres.ok && redisCheck.ok, checks: { postgres, redis: redisCheck } };
}

async function timed(probe: () => Promise<void>): Promise<DependencyCheck> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
      }),
    ]);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    // Only the error's class and message: connection strings must not reach a public endpoint.
    const message = error instanceof Error ? error.message.replace(/\w+:\/\/\S+/g, "[url]") : "failed";
    return { ok: false, latencyMs: Math.round(performance.now() - started), error: message };
  } finally {
    clearTimeout(timer);
  }
}
