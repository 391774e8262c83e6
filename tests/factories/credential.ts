import { randomBytes } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { merchantCredentials, merchants, verificationRuns } from "@/db/schema";
import { recordKeyHalf, recordSecretHalf } from "@/lib/verification";
import type { SimGrants } from "@/tests/lightspeed-simulator";
import { EU_SHOP, grants } from "@/tests/helpers/simulator";
import { createMerchant, ONBOARDED } from "./merchant";
import { createStaff, type CreatedStaff } from "./staff";

/** A fresh 32-character key or secret, like the ones Lightspeed shows (hex). */
export const newCredential = () => randomBytes(16).toString("hex");

export async function credentialsOf(merchantId: string) {
  return db
    .select()
    .from(merchantCredentials)
    .where(eq(merchantCredentials.merchantId, merchantId))
    .orderBy(asc(merchantCredentials.createdAt));
}

export async function credentialRow(id: string) {
  const [row] = await db.select().from(merchantCredentials).where(eq(merchantCredentials.id, id));
  if (!row) throw new Error(`credential ${id} not found`);
  return row;
}

export async function credentialOf(id: string) {
  const [row] = await db.select().from(merchantCredentials).where(eq(merchantCredentials.id, id));
  return row;
}

/** The verification runs of one pair, oldest first. */
export async function runsOf(credentialId: string) {
  return db
    .select()
    .from(verificationRuns)
    .where(eq(verificationRuns.credentialId, credentialId))
    .orderBy(asc(verificationRuns.createdAt));
}

type Sim = { addKey: (o?: { permissions?: SimGrants }) => { key: string; secret: string } };

/**
 * A merchant (language nl, eu1) through sign-up and the first guide steps, with a simulator key
 * recorded half by half through the staff verbs (which queue the verification).
 */
export async function merchantWithPair(
  sim: Sim,
  options: {
    permissions?: SimGrants;
    order?: "key-first" | "secret-first";
    wrongSecret?: string;
    staff?: CreatedStaff;
  } = {},
) {
  const staff = options.staff ?? (await createStaff());
  const merchant = await createMerchant({ language: "nl", cluster: "eu1" }, { completed: ONBOARDED });
  // Its shop is known already (the simulator's eu1 shop), so its keys are judged by account, not by domain.
  await db
    .update(merchants)
    .set({ lightspeedAccountId: EU_SHOP.id, lightspeedShopDomain: EU_SHOP.mainDomain })
    .where(eq(merchants.id, merchant.id));
  const pair = sim.addKey({ permissions: options.permissions ?? grants() });
  const secret = options.wrongSecret ?? pair.secret;
  const recordKey = () => recordKeyHalf(staff.actor, { merchantId: merchant.id, key: pair.key });
  const recordSecret = () => recordSecretHalf(staff.actor, { merchantId: merchant.id, secret });
  const first = options.order === "secret-first" ? await recordSecret() : await recordKey();
  const second = options.order === "secret-first" ? await recordKey() : await recordSecret();
  if (first.credentialId !== second.credentialId) throw new Error("halves landed in different pairs");
  return { merchant, staff, key: pair.key, secret, credentialId: second.credentialId };
}
