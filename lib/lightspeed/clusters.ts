/** Lightspeed eCom clusters. Base URLs live in `client/base-url.ts` (overridable only by env). */
export const CLUSTERS = ["eu1", "us1"] as const;
export type Cluster = (typeof CLUSTERS)[number];
