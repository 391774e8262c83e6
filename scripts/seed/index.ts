/** For scripts and tests: `seedDemo()` and the demo team / credentials it creates. */
export { seedDemo, type SeedDemoOptions, type SeedDemoResult } from "./seed-demo";
export { DEMO_STAFF, formatDemoLogins, type DemoStaff } from "./demo-staff";
export { demoCredentials, demoShopId } from "./demo-keys";
