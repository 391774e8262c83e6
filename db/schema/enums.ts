import { pgEnum } from "drizzle-orm/pg-core";
import { ROLES } from "@/db/vocabulary/roles";
import { OWNERS, STEPS } from "@/db/vocabulary/onboarding";
import { CLUSTERS } from "@/db/vocabulary/lightspeed";

export const staffRole = pgEnum("staff_role", ROLES);
export const stage = pgEnum("stage", STEPS);
export const owner = pgEnum("owner", OWNERS);
export const cluster = pgEnum("cluster", CLUSTERS);
