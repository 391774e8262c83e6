/**
 * Lightspeed eCom clusters (the tuple lives in vocabulary/lightspeed.ts, below db/ and lib/).
 * Base URLs live in `client/base-url.ts` (overridable only by env).
 */
export { CLUSTERS, type Cluster } from "@/db/vocabulary/lightspeed";
