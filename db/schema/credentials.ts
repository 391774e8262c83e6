import { sql } from "drizzle-orm";
import { char, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { CREDENTIAL_STATUSES } from "@/db/vocabulary/credentials";
import { cluster } from "./enums";
import { merchants } from "./merchants";

export const credentialStatus = pgEnum("credential_status", CREDENTIAL_STATUSES);

/**
 * A merchant's Lightspeed API key + secret. The halves arrive separately (often days apart), so
 * each is nullable until it arrives. Both are stored only as AES-256-GCM payloads from
 * lib/crypto/secret-box.ts ("<keyId>.<iv>.<tag>.<ciphertext>"); the UI shows the fingerprint.
 * A new pair never overwrites the active one: it is a new row that replaces it once verified.
 */
export const merchantCredentials = pgTable(
  "merchant_credentials",
  {
    id: uuid().primaryKey().defaultRandom(),
    merchantId: uuid()
      .notNull()
      .references(() => merchants.id, { onDelete: "cascade" }),
    status: credentialStatus().notNull().default("collecting"),
    keyCiphertext: text(),
    secretCiphertext: text(),
    /** First 4 + last 4 characters of the key: enough to tell two keys apart, useless to an attacker. */
    keyFingerprint: text(),
    keyReceivedAt: timestamp({ withTimezone: true }),
    secretReceivedAt: timestamp({ withTimezone: true }),
    /** The cluster the key answered on; null until a verification found it. */
    cluster: cluster(),
    /** Shop language used in API paths (/{lang}/…); copied from the merchant. */
    language: char({ length: 2 }).notNull(),
    /** Bumped whenever a half changes, so a verification job id can name "this exact pair". */
    version: integer().notNull().default(1),
    /** Plain words for the last rejection ("Tick these checkboxes: Orders → Write"). Never a secret. */
    rejectionReason: text(),
    /** When a verification first found this pending pair short of permissions (the re-check cadence counts from here). */
    gapSeenAt: timestamp({ withTimezone: true }),
    /** When the pending pair's permission gap is verified again by itself; null = not re-checked. */
    nextRecheckAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    verifiedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    // At most one active pair per merchant (health checks and the feed read it by merchant).
    uniqueIndex("merchant_credentials_one_active_idx")
      .on(t.merchantId)
      .where(sql`${t.status} = 'active'`),
    // At most one pending pair per merchant (recording a half finds "the" pending pair by merchant).
    uniqueIndex("merchant_credentials_one_pending_idx")
      .on(t.merchantId)
      .where(sql`${t.status} in ('collecting', 'verifying', 'rejected')`),
    // The re-check sweep: `where next_recheck_at <= now() order by next_recheck_at for update skip locked`.
    index("merchant_credentials_next_recheck_idx")
      .on(t.nextRecheckAt)
      .where(sql`${t.nextRecheckAt} is not null`),
    // The workspace history lists a merchant's pairs, newest first.
    index("merchant_credentials_merchant_created_idx").on(t.merchantId, t.createdAt.desc()),
  ],
);

export type MerchantCredential = typeof merchantCredentials.$inferSelect;
