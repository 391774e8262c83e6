import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { loadFixture } from "./schema";
import { startSimulator } from "./server";

/**
 * `npm run simulator -- [--fixture path] [--eu1-port 4101] [--us1-port 4102] [--host 127.0.0.1]
 *  [--clock real|manual] [--latency ms]` — runs until SIGTERM/SIGINT.
 */
const DEFAULT_FIXTURE = path.join(import.meta.dirname, "fixtures", "demo.json");

const flagsSchema = z.object({
  fixture: z.string().default(DEFAULT_FIXTURE),
  host: z.string().default("127.0.0.1"),
  "eu1-port": z.coerce.number().int().min(0).max(65_535).default(4101),
  "us1-port": z.coerce.number().int().min(0).max(65_535).default(4102),
  clock: z.enum(["real", "manual"]).default("real"),
  latency: z.coerce.number().int().min(0).default(0),
});

async function main() {
  const { values } = parseArgs({
    options: {
      fixture: { type: "string" },
      host: { type: "string" },
      "eu1-port": { type: "string" },
      "us1-port": { type: "string" },
      clock: { type: "string" },
      latency: { type: "string" },
    },
    strict: true,
  });
  const parsed = flagsSchema.safeParse(values);
  if (!parsed.success) {
    process.stderr.write(`Invalid flags: ${JSON.stringify(z.flattenError(parsed.error).fieldErrors)}\n`);
    process.exit(2);
  }
  const flags = parsed.data;
  const sim = await startSimulator({
    fixture: await loadFixture(flags.fixture),
    host: flags.host,
    eu1Port: flags["eu1-port"],
    us1Port: flags["us1-port"],
    clock: flags.clock,
  });
  sim.setLatency(flags.latency);
  process.stdout.write(
    `Lightspeed simulator (fixture ${flags.fixture})\n  eu1: ${sim.eu1Url}\n  us1: ${sim.us1Url}\n  control: ${sim.eu1Url}/__sim/health\n`,
  );
  process.stdout.write(`  LIGHTSPEED_EU1_URL=${sim.eu1Url} LIGHTSPEED_US1_URL=${sim.us1Url}\n`);

  const stop = () => {
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`lightspeed-simulator: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
