import { describe, expect, it } from "vitest";
import { checkReadiness } from "@/lib/readiness/check-readiness";
import { closeRedis } from "@/lib/redis";
import { overrideEnv } from "@/lib/env";

describe("checkReadiness (GET /api/health)", () => {
  it("is ok when PostgreSQL and Redis answer", async () => {
    const readiness = await checkReadiness();
    expect(readiness.ok).toBe(true);
    expect(readiness.checks.postgres.ok && readiness.checks.redis.ok).toBe(true);
  });

  it("reports Redis down without leaking its URL", async () => {
    const unreachable = "redis://127.0.0.1:1/0";
    await closeRedis();
    const restoreEnv = overrideEnv({ REDIS_URL: unreachable });
    try {
      const { createRedis } = await import("@/lib/redis");
      // Fail fast instead of retrying for ever: the probe's own timeout is what is under test.
      const g = globalThis as unknown as { redis?: unknown; redisUrl?: string };
      const down = createRedis({ maxRetriesPerRequest: 0, retryStrategy: () => null, lazyConnect: true });
      down.on("error", () => {});
      g.redis = down;
      g.redisUrl = unreachable;
      const readiness = await checkReadiness();
      expect(readiness.ok).toBe(false);
      expect(readiness.checks.postgres.ok).toBe(true);
      expect(readiness.checks.redis.ok).toBe(false);
      expect(JSON.stringify(readiness)).not.toContain("127.0.0.1:1");
    } finally {
      await closeRedis();
      restoreEnv();
    }
  });
});
