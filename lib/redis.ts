import { Redis, type RedisOptions } from "ioredis";
import { forgetSource, reportFailure, reportRecovery } from "./dependency-outage";
import { env } from "./env";

/** Bounds for Redis calls made while serving a request (docs/decisions/0013). */
export const REDIS_BOUNDS = { connectTimeoutMs: 2_000, commandTimeoutMs: 1_500 } as const;

let sources = 0;
const sourceOf = new WeakMap<Redis, string>();

/** The name a client reports its failures under (see watchRedis). */
export function redisSource(client: Redis): string {
  return sourceOf.get(client) ?? "redis-unknown";
}

/**
 * Gives a client its one error listener: failures and recoveries go to the process's outage log
 * (lib/dependency-outage.ts), which writes three lines per outage instead of one per attempt.
 * `errors: false` is for clients whose errors already reach a listener elsewhere (a BullMQ
 * Worker forwards its connections' errors as its own 'error' event).
 */
export function watchRedis(client: Redis, options: { errors?: boolean } = {}): string {
  const source = `redis-${++sources}`;
  sourceOf.set(client, source);
  if (options.errors !== false) client.on("error", (error) => reportFailure("redis", source, error));
  client.on("ready", () => reportRecovery("redis", source));
  client.on("end", () => forgetSource("redis", source));
  return source;
}

/**
 * The listener for a BullMQ Queue's or Worker's 'error' event (BullMQ forwards its connections'
 * errors there): while the connection is down the error is part of the outage log; an error
 * while it is ready (a lost lock, a script error) is not an outage and is logged as it is.
 */
export function bullErrorListener(client: Redis, onOtherError: (error: Error) => void) {
  return (error: Error) =>
    client.status === "ready" ? onOtherError(error) : reportFailure("redis", redisSource(client), error);
}

/**
 * A background (worker) connection. `maxRetriesPerRequest: null` is what BullMQ workers require,
 * and it makes the client wait through a Redis restart instead of failing the command: right for
 * a worker, which has nobody waiting on it. Connecting is bounded, reconnecting goes on forever.
 */
export function createRedis(options: RedisOptions = {}, watch: { errors?: boolean } = {}) {
  const client = new Redis(env.REDIS_URL, {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    connectTimeout: REDIS_BOUNDS.connectTimeoutMs,
    ...options,
  });
  watchRedis(client, watch);
  return client;
}

/**
 * A connection for calls made while serving a request: every command fails after 1.5 s (a frozen
 * Redis), and once the client has been ready, a command sent while it is disconnected fails at
 * once instead of waiting in the offline queue. Before the first ready the queue stays on, so the
 * first request of a fresh process does not fail while the connection is still being set up (its
 * commands are bounded by the command timeout all the same).
 */
export function createRequestRedis(options: RedisOptions = {}) {
  const client = createRedis({
    maxRetriesPerRequest: 1,
    commandTimeout: REDIS_BOUNDS.commandTimeoutMs,
    enableOfflineQueue: true,
    ...options,
  });
  if (options.enableOfflineQueue !== false) {
    client.once("ready", () => {
      client.options.enableOfflineQueue = false;
    });
  }
  return client;
}

const globalForRedis = globalThis as unknown as { redis?: Redis; redisUrl?: string };

/** The shared request-serving connection for short commands (throttles, counters). */
export function redis(): Redis {
  if (!globalForRedis.redis || globalForRedis.redisUrl !== env.REDIS_URL) {
    globalForRedis.redis = createRequestRedis();
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
