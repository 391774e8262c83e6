import { Redis, type RedisOptions } from "ioredis";
import { env } from "./env";

/**
 * Redis connections. `maxRetriesPerRequest: null` is what BullMQ workers require, and it makes
 * every client wait through a Redis restart instead of failing the command.
 */
export function createRedis(options: RedisOptions = {}) {
  return new Redis(env.REDIS_URL, { maxRetriesPerRequest: null, enableReadyCheck: true, ...options });
}

const globalForRedis = globalThis as unknown as { redis?: Redis; redisUrl?: string };

/** A shared connection for short commands (throttles, counters). */
export function redis(): Redis {
  if (!globalForRedis.redis || globalForRedis.redisUrl !== env.REDIS_URL) {
    globalForRedis.redis = createRedis();
    globalForRedis.redisUrl = env.REDIS_URL;
  }
  return globalForRedis.redis;
}

/** Every key this app writes lives under REDIS_PREFIX. */
export function redisKey(...parts: string[]) {
  return [env.REDIS_PREFIX, ...parts].join(":");
}

export async function closeRedis() {
  const client = globalForRedis.redis;
  globalForRedis.redis = undefined;
  if (client) await client.quit().catch(() => client.disconnect());
}
