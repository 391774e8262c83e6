import path from "node:path";
import { loadFixture, startSimulator } from "@/tests/lightspeed-simulator";

/** Fixed ports, so a failed run's leftovers are easy to spot; distinct from `npm run simulator` (4101/4102). */
export const E2E_SIM_PORTS = {
  eu1: Number(process.env.E2E_SIM_PORT ?? 4121),
  us1: Number(process.env.E2E_SIM_PORT ?? 4121) + 1,
} as const;

/**
 * Extra services for the browser tests (picked up by global-setup.ts): the Lightspeed simulator
 * with the demo fixture and a real clock. The app reaches it through LIGHTSPEED_*_URL; tests add
 * keys through its `/__sim/` control API (see tests/e2e/connect-link.test.ts).
 */
export async function startServices(): Promise<{ env: Record<string, string>; stop: () => Promise<void> }> {
  const fixture = await loadFixture(
    path.join(import.meta.dirname, "..", "lightspeed-simulator", "fixtures", "demo.json"),
  );
  const sim = await startSimulator({
    fixture,
    host: "127.0.0.1",
    eu1Port: E2E_SIM_PORTS.eu1,
    us1Port: E2E_SIM_PORTS.us1,
    clock: "real",
  });
  return {
    env: { LIGHTSPEED_EU1_URL: sim.eu1Url, LIGHTSPEED_US1_URL: sim.us1Url },
    stop: () => sim.close(),
  };
}
