export { startSimulator } from "./server";
export { loadFixture } from "./schema";
export { DEMO_SHOPS, fullGrants, grantsWithout, makeKey } from "./keys";
export { PER_SECOND_LIMIT, TOO_MANY_REQUESTS, WINDOWS } from "./rate-limiter";
export { INVALID_CREDENTIALS } from "./handler";
export { appPassword } from "./auth";
export type {
  Fault,
  FaultMatch,
  LoggedRequest,
  RateLimitWindow,
  SimApp,
  SimClock,
  SimCluster,
  SimFixture,
  SimGrants,
  SimKey,
  SimShop,
  Simulator,
  StartSimulatorOptions,
} from "./types";
