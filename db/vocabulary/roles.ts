/** Staff roles, least to most powerful. One tuple feeds the pg enum, the zod enum and the UI labels. */
export const ROLES = ["specialist", "lead", "admin"] as const;
export type Role = (typeof ROLES)[number];
