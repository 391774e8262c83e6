import { defineConfig } from "vitest/config";
import path from "node:path";

/** Browser tests: Debian's chromium through playwright-core against `next start` (built first). */
export default defineConfig({
  // `server-only` throws outside Next's react-server bundles; tests load db/ and lib/crypto directly.
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    include: ["tests/e2e/**/*.test.ts"],
    globalSetup: ["tests/e2e/global-setup.ts"],
    pool: "forks",
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
