import { jsonb, pgTable, primaryKey, timestamp, uuid } from "drizzle-orm/pg-core";
import { stage } from "./enums";
import { merchants } from "./merchants";
import { staffUsers } from "./staff-users";

/** One row per completed step. Undo deletes the row; the history stays in `merchant_events`. */
export const merchantSteps = pgTable(
  "merchant_steps",
  {
    merchantId: uuid()
      .notNull()
      .references(() => merchants.id, { onDelete: "cascade" }),
    stage: stage().notNull(),
    completedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Null when the system completed it (sign-up, the verification engine). */
    completedBy: uuid().references(() => staffUsers.id, { onDelete: "set null" }),
    evidence: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [primaryKey({ columns: [t.merchantId, t.stage] })],
);

export type MerchantStep = typeof merchantSteps.$inferSelect;
