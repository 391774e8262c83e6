import { readFile } from "node:fs/promises";
import { z } from "zod";
import { PERMISSION_GROUPS } from "@/lib/lightspeed/vocabulary";
import type { Fault, SimFixture, SimGrants, SimKey } from "./types";

/** Zod schemas for every boundary of the simulator: fixture files, control API bodies, CLI flags. */
const credential = z.string().regex(/^[A-Za-z0-9]{32}$/, "must be exactly 32 letters or digits");
const grant = z.object({ read: z.boolean(), write: z.boolean() });
const cluster = z.enum(["eu1", "us1"]);

export const grantsSchema = z.object(
  Object.fromEntries(PERMISSION_GROUPS.map((group) => [group, grant])) as Record<
    (typeof PERMISSION_GROUPS)[number],
    typeof grant
  >,
) satisfies z.ZodType<SimGrants>;

export const simKeySchema = z.object({
  key: credential,
  secret: credential,
  shopId: z.number().int().positive(),
  enabled: z.boolean(),
  appId: z.union([z.number().int().positive(), z.literal(false)]).optional(),
  permissions: grantsSchema,
  used: z
    .object({
      fiveMin: z.number().int().min(0).optional(),
      hour: z.number().int().min(0).optional(),
      day: z.number().int().min(0).optional(),
    })
    .optional(),
}) satisfies z.ZodType<SimKey>;

const shopSchema = z.object({
  id: z.number().int().positive(),
  cluster,
  name: z.string().min(1),
  mainDomain: z.string().min(1),
  languages: z.array(z.string().regex(/^[a-z]{2}$/)).min(1),
  productCount: z.number().int().min(0).max(50_000).optional(),
  orderCount: z.number().int().min(0).max(50_000).optional(),
  customerCount: z.number().int().min(0).max(50_000).optional(),
});

const appSchema = z.object({
  appId: z.number().int().positive(),
  appKey: credential,
  appSecret: credential,
  installs: z.array(
    z.object({
      shopId: z.number().int().positive(),
      token: z.string().min(1),
      enabled: z.boolean().optional(),
      permissions: grantsSchema,
    }),
  ),
});

export const fixtureSchema = z.object({
  shops: z.array(shopSchema),
  keys: z.array(simKeySchema),
  denialStatus: z.union([z.literal(401), z.literal(403)]).optional(),
  disabledKeyStatus: z.union([z.literal(401), z.literal(403)]).optional(),
  permissionsShape: z.enum(["contract", "unrecognised"]).optional(),
  apps: z.array(appSchema).optional(),
}) satisfies z.ZodType<SimFixture>;

export async function loadFixture(path: string): Promise<SimFixture> {
  return fixtureSchema.parse(JSON.parse(await readFile(path, "utf8")));
}

/** Faults over the control API: a RegExp cannot travel in JSON, so `path` may be `{ "regex": "...", "flags": "i" }`. */
const jsonMatch = z
  .object({
    path: z.union([z.string(), z.object({ regex: z.string(), flags: z.string().optional() })]).optional(),
    cluster: cluster.optional(),
    apiKey: z.string().optional(),
    method: z.string().optional(),
  })
  .optional();
const times = z.number().int().positive().optional();

export const jsonFaultSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("status"), status: z.number().int().min(400).max(599), times, match: jsonMatch }),
  z.object({ kind: z.literal("delay"), ms: z.number().int().min(0).max(600_000), times, match: jsonMatch }),
  z.object({ kind: z.literal("non-json"), times, match: jsonMatch }),
  z.object({ kind: z.literal("rate-limit"), window: z.enum(["fiveMin", "hour", "day"]), times, match: jsonMatch }),
  z.object({ kind: z.literal("drop"), times, match: jsonMatch }),
]);

export function faultFromJson(input: unknown): Fault {
  const fault = jsonFaultSchema.parse(input);
  const path = fault.match?.path;
  if (path === undefined || typeof path === "string") return fault as Fault;
  return { ...fault, match: { ...fault.match, path: new RegExp(path.regex, path.flags) } } as Fault;
}
