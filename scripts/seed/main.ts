import { loadEnvFile } from "@/lib/load-env-file";
import { closeDb } from "@/db/client";
import { formatDemoLogins } from "./demo-staff";
import { seedDemo } from "./seed-demo";

/**
 * `npm run db:seed`: demo data for an empty database (does nothing when merchants exist).
 * `seedDemo()` is exported from scripts/seed/seed-demo.ts for scripts (npm run demo) and tests.
 */
loadEnvFile();
const started = Date.now();
try {
  const result = await seedDemo();
  if (result.seeded) {
    console.log(
      `Seeded ${result.merchants} merchants, ${result.steps} steps, ${result.events} events, ${result.credentials} credential pairs, ${result.verificationRuns} verification runs in ${Date.now() - started} ms.`,
    );
  } else {
    console.log(`Not seeding: ${result.reason}.`);
  }
  console.log(`Demo logins:\n${formatDemoLogins(result.staff)}`);
} catch (error) {
  console.error("Seeding failed:", error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await closeDb();
}
