import { pgEnum } from "drizzle-orm/pg-core";
import { ROLES } from "@/lib/auth/roles";
import { OWNERS, STAGES } from "@/lib/onboarding/stages";
import { CLUSTERS } from "@/lib/lightspeed/clusters";

export const staffRole = pgEnum("staff_role", ROLES);
export const stage = pgEnum("stage", STAGES);
export const owner = pgEnum("owner", OWNERS);
export const cluster = pgEnum("cluster", CLUSTERS);
