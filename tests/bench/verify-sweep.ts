/**
 * Verification sweep: N simulated keys, fixed latency per request, a pool of concurrent
 * verifications, then a health-check pass over the same keys. Prints figures; asserts nothing.
 *   npx tsx tests/bench/verify-sweep.ts [--keys 2000] [--concurrency 50] [--latency 50] [--sim-thread worker|main]
 * Lower bound = keys × requests per key × latency ÷ concurrency: each verification sends its
 * requests one after another (the reserve rule needs each answer's budget before the next).
 *
 * The simulator runs in-process, by default on a worker thread: on the main thread its own CPU
 * (HTTP parsing and JSON for ~1,000 requests/s) competes with the engine's event loop, which
 * measures the harness rather than the engine (Lightspeed's servers do not share our CPU).
 * `--sim-thread main` gives the figure with both on one event loop.
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { z } from "zod";
import { checkHealth } from "@/lib/lightspeed/check-health";
import { verify } from "@/lib/lightspeed/verify";
import { PERMISSION_GROUPS, type Verdict } from "@/lib/lightspeed/vocabulary";
import { type SimFixture, type SimGrants, type SimKey } from "@/tests/lightspeed-simulator";
import { startBenchSimulator } from "./simulator-thread";

await main();

async function main() {
  const { values } = parseArgs({
    options: {
      keys: { type: "string" },
      concurrency: { type: "string" },
      latency: { type: "string" },
      "sim-thread": { type: "string" },
    },
  });
  const options = z
    .object({
      keys: z.coerce.number().int().positive().default(2000),
      concurrency: z.coerce.number().int().positive().default(50),
      latency: z.coerce.number().int().min(0).default(50),
      simThread: z.enum(["worker", "main"]).default("worker"),
    })
    .parse({
      keys: values.keys,
      concurrency: values.concurrency,
      latency: values.latency,
      simThread: values["sim-thread"],
    });

  const shops = [
    { id: 1, cluster: "eu1" as const, name: "Bench EU", mainDomain: "bench-eu.test", languages: ["en", "nl"] },
    { id: 2, cluster: "us1" as const, name: "Bench US", mainDomain: "bench-us.test", languages: ["en", "us"] },
  ];
  const credential = () => randomBytes(16).toString("hex");
  const grid = (ordersWrite: boolean): SimGrants =>
    Object.fromEntries(
      PERMISSION_GROUPS.map((g) => [g, { read: true, write: g === "orders" ? ordersWrite : true }]),
    ) as SimGrants;
  // Mostly healthy: 85 % all grants, 10 % one checkbox missing, 5 % a wrong secret. The cluster is
  // known, as it is for the console's jobs (sign-ups record it).
  const cases = Array.from({ length: options.keys }, (_, i) => {
    const shop = shops[i % 2]!;
    const key: SimKey = {
      key: credential(),
      secret: credential(),
      shopId: shop.id,
      enabled: true,
      permissions: grid(i % 20 !== 1 && i % 20 !== 2),
    };
    return { key, secret: i % 20 === 3 ? credential() : key.secret, cluster: shop.cluster };
  });
  const fixture: SimFixture = { shops, keys: cases.map((c) => c.key) };
  const sim = await startBenchSimulator(fixture, options.latency, options.simThread);
  process.env.LIGHTSPEED_EU1_URL = sim.eu1Url;
  process.env.LIGHTSPEED_US1_URL = sim.us1Url;
  console.log(
    `Simulator on the ${options.simThread} thread; ${options.keys} keys, concurrency ${options.concurrency}, latency ${options.latency} ms.`,
  );

  const report = (label: string, wallMs: number, perKey: number[], seen: number, outcome: Map<string, number>) => {
    const total = perKey.reduce((a, b) => a + b, 0);
    const mean = total / perKey.length;
    const lowerBoundMs = (perKey.length * mean * options.latency) / options.concurrency;
    console.log(
      [
        `${label}`,
        `  wall time          ${(wallMs / 1000).toFixed(2)} s`,
        `  total requests     ${total} (simulator saw ${seen})`,
        `  requests per key   mean ${mean.toFixed(2)}, max ${Math.max(...perKey)}`,
        `  lower bound        ${(lowerBoundMs / 1000).toFixed(2)} s`,
        `  ratio              ${options.latency > 0 ? (wallMs / lowerBoundMs).toFixed(3) : "n/a (no latency)"}`,
        `  outcomes           ${JSON.stringify(Object.fromEntries(outcome))}`,
      ].join("\n"),
    );
  };
  const tally = (map: Map<string, number>, name: string) => map.set(name, (map.get(name) ?? 0) + 1);

  const verdicts = new Map<Verdict, number>();
  const verifyRequests: number[] = [];
  let started = performance.now();
  await pool(cases, options.concurrency, async (c) => {
    const result = await verify({ key: c.key.key, secret: c.secret, cluster: c.cluster });
    verifyRequests.push(result.requests);
    tally(verdicts, result.verdict);
  });
  report("Full verification", performance.now() - started, verifyRequests, await sim.logSize(), verdicts);

  await sim.clearLog();
  const states = new Map<string, number>();
  const healthRequests: number[] = [];
  started = performance.now();
  await pool(cases, options.concurrency, async (c) => {
    const result = await checkHealth({ key: c.key.key, secret: c.secret, cluster: c.cluster });
    healthRequests.push(result.requests);
    tally(states, result.state);
  });
  report("Health check", performance.now() - started, healthRequests, await sim.logSize(), states);
  await sim.close();
}

async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const runners = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(runners);
}
