/** /health's URL contract lives in lib/key-health (pure, unit-tested); this is the route's view of it. */
export { HEALTH_PAGE_SIZE, healthHref, parseHealthParams, type HealthParams } from "@/lib/key-health/health-params";
