import { randomBytes } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { db, sql } from "@/db/client";
import { merchantEvents, merchants, merchantSteps, staffUsers, type Merchant } from "@/db/schema";
import { systemActor, type StaffActor } from "@/lib/auth/actor";
import {
  assignMerchants,
  completeStep,
  createMerchant as createMerchantVerb,
  type SignupInput,
} from "@/lib/onboarding";
import { EVIDENCE_SCHEMAS } from "@/lib/pipeline/pipeline";
import { STEPS, type Step } from "@/lib/pipeline/steps";
import { defaultTimeZone } from "@/lib/sla/merchant-time-zone";

const SHOPS = [
  { name: "Wijnhuis De Bron", country: "NL", language: "nl", cluster: "eu1", tld: "nl", contact: "Sanne de Vries" },
  { name: "Vinotheek Het Anker", country: "NL", language: "nl", cluster: "eu1", tld: "nl", contact: "Joris Bakker" },
  {
    name: "Wijnkelder Sint-Pieters",
    country: "BE",
    language: "nl",
    cluster: "eu1",
    tld: "be",
    contact: "Lotte Peeters",
  },
  { name: "Cave du Sablon", country: "BE", language: "fr", cluster: "eu1", tld: "be", contact: "Camille Dubois" },
  {
    name: "Weinhandlung Rheingold",
    country: "DE",
    language: "de",
    cluster: "eu1",
    tld: "de",
    contact: "Lukas Schneider",
  },
  {
    name: "Napa Cellar Club",
    country: "US",
    language: "us",
    cluster: "us1",
    tld: "com",
    contact: "Emily Carter",
    timeZone: "America/Los_Angeles",
  },
] as const;

let sequence = 0;

/** A realistic sign-up with a shop domain unique to this call. */
export function buildSignup(overrides: Partial<SignupInput> = {}): SignupInput {
  const shop = SHOPS[sequence++ % SHOPS.length]!;
  const suffix = randomBytes(3).toString("hex");
  const slug = `${shop.name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${suffix}`;
  return {
    company: `${shop.name} ${shop.country === "US" ? "LLC" : "B.V."}`,
    shopName: shop.name,
    shopDomain: `${slug}.${shop.tld}`,
    cluster: shop.cluster,
    language: shop.language,
    country: shop.country,
    contactName: shop.contact,
    contactEmail: `${shop.contact.split(" ")[0]!.toLowerCase()}@${slug}.${shop.tld}`,
    timeZone:
      overrides.country && overrides.country !== shop.country
        ? defaultTimeZone(overrides.country)
        : "timeZone" in shop
          ? shop.timeZone
          : defaultTimeZone(shop.country),
    ...overrides,
  };
}

const factoryActor = systemActor("test-factory");

/**
 * A merchant built through the real verbs: sign-up, then `completed` steps in guide order (each
 * with plausible evidence), then (optionally) claimed by `specialistId`. Returns the stored row.
 */
export async function createMerchant(
  overrides: Partial<SignupInput> = {},
  options: { completed?: readonly Step[]; specialistId?: string } = {},
): Promise<Merchant> {
  const { id } = await createMerchantVerb(factoryActor, buildSignup(overrides));
  const wanted = new Set(options.completed ?? []);
  for (const stage of STEPS) {
    if (stage === "signed_up" || !wanted.has(stage)) continue;
    // No Lightspeed here: a verified key is an override the step records as such.
    const overrideReason = stage === "key_verified" ? "Test factory: key verified without a run" : undefined;
    await completeStep(factoryActor, { merchantId: id, stage, evidence: sampleEvidence(stage), overrideReason });
  }
  if (options.specialistId) {
    const [staff] = await db.select().from(staffUsers).where(eq(staffUsers.id, options.specialistId));
    if (!staff) throw new Error(`createMerchant: no staff user ${options.specialistId}`);
    // The specialist claims it; a lead would be needed only to assign it to someone else.
    const actor: StaffActor = { kind: "staff", id: staff.id, email: staff.email, name: staff.name, role: staff.role };
    await assignMerchants(actor, { merchantIds: [id], specialistId: staff.id });
  }
  const [row] = await db.select().from(merchants).where(eq(merchants.id, id));
  return row!;
}

function sampleEvidence(stage: Step): Record<string, unknown> {
  switch (stage) {
    case "user_created":
      return { lightspeedUserEmail: "integrations@actenzo.test" };
    case "user_approved":
      return { fullPermissions: true };
    case "key_received":
      return { via: "email", fingerprint: "ab12…9f0e" };
    case "secret_received":
      return { via: "email" };
    case "key_verified":
      return { verdict: "healthy" };
    case "live":
      return { feed: "vivino-promo" };
    default:
      return EVIDENCE_SCHEMAS[stage].parse({}) as Record<string, unknown>;
  }
}

/** The first guide steps a merchant has done before its key is asked for. */
export const ONBOARDED: Step[] = ["user_created", "user_approved", "password_reset"];

/** Reads a test merchant's stored state: the row, its done steps, one step, its timeline. */
export async function readMerchant(id: string) {
  const [row] = await db.select().from(merchants).where(eq(merchants.id, id));
  if (!row) throw new Error(`merchant ${id} not found`);
  return row;
}

export async function doneSteps(id: string) {
  const rows = await db
    .select({ stage: merchantSteps.stage })
    .from(merchantSteps)
    .where(eq(merchantSteps.merchantId, id))
    .orderBy(asc(merchantSteps.stage));
  return rows.map((r) => r.stage);
}

export async function stepOf(merchantId: string, stage: Step) {
  const [row] = await db
    .select()
    .from(merchantSteps)
    .where(and(eq(merchantSteps.merchantId, merchantId), eq(merchantSteps.stage, stage)));
  return row ?? null;
}

export async function eventsOf(id: string, type?: (typeof merchantEvents.$inferSelect)["type"]) {
  return db
    .select()
    .from(merchantEvents)
    .where(
      type ? and(eq(merchantEvents.merchantId, id), eq(merchantEvents.type, type)) : eq(merchantEvents.merchantId, id),
    )
    .orderBy(asc(merchantEvents.id));
}

export async function countByDomain(shopDomain: string): Promise<number> {
  const [row] = await sql<
    { count: number }[]
  >`select count(*)::int as count from merchants where shop_domain = ${shopDomain}`;
  return row?.count ?? 0;
}
