import { z } from "zod";
import { textInput } from "@/lib/validation/text";
import type { Role } from "@/lib/auth/roles";
import { CLUSTERS } from "@/lib/lightspeed/clusters";
import { OWNERS, STEPS } from "@/lib/pipeline/steps";

/**
 * The queue's state as it lives in the URL. Pure and client-safe: the server page parses it,
 * `listWorkQueue` reads it, the client table writes it back. Every field falls back to its default
 * on its own (`.catch`), so a hand-edited or stale URL degrades to a sensible view, never a crash.
 */
export const QUEUE_SORT_COLUMNS = [
  "company",
  "shop",
  "currentStage",
  "ballInCourt",
  "waitingSince",
  "specialist",
  "lastActivity",
  /** The open Actenzo step's due time (stored `sla_due_at`): breached first, then due soon; no target last. */
  "timeToBreach",
] as const;
export type QueueSortColumn = (typeof QUEUE_SORT_COLUMNS)[number];

export const QUEUE_PAGE_SIZES = [25, 50, 100] as const;
export type QueuePageSize = (typeof QUEUE_PAGE_SIZES)[number];

/** Every step plus `done` (all eight steps complete, so `current_stage` is null). */
export const QUEUE_STEP_FILTERS = [...STEPS, "done"] as const;
export type QueueStepFilter = (typeof QUEUE_STEP_FILTERS)[number];

export const HOLD_FILTERS = ["any", "yes", "no"] as const;
export const SPECIALIST_KEYWORDS = ["mine", "unassigned", "any"] as const;
export type SpecialistFilter = (typeof SPECIALIST_KEYWORDS)[number] | (string & {});

export const QUEUE_SEARCH_MAX = 100;
export const QUEUE_DEFAULT_SORT = { sort: "waitingSince", dir: "asc" } as const;
/** A specialist's own view puts breached and due-soon steps first. */
export const SPECIALIST_DEFAULT_SORT = { sort: "timeToBreach", dir: "asc" } as const;
/** The SLA filter: the open Actenzo step is past due, past its 75 % warning, or neither. */
export const SLA_FILTERS = ["breached", "due_soon", "on_track"] as const;
export type SlaFilter = (typeof SLA_FILTERS)[number];

/** A query-string value: absent, once, or repeated (`?stage=a&stage=b`). */
const raw = z.union([z.string(), z.array(z.string())]).optional();
const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
/** Accepts `?stage=a,b` as well as repeated keys; drops unknown values instead of failing. */
const list = <T extends string>(allowed: readonly T[]) =>
  raw.transform((v) => {
    const items = (Array.isArray(v) ? v : v ? [v] : []).flatMap((s) => s.split(",")).map((s) => s.trim());
    return [...new Set(items.filter((s): s is T => (allowed as readonly string[]).includes(s)))];
  });
const one = <S extends z.ZodType>(schema: S, fallback: z.output<S>) => z.preprocess(first, schema).catch(fallback);

const specialist = z.union([z.enum(SPECIALIST_KEYWORDS), z.uuid()]);

export const queueParamsSchema = z.object({
  page: one(z.coerce.number().int().min(1).max(100_000), 1),
  perPage: one(z.coerce.number().pipe(z.union(QUEUE_PAGE_SIZES.map((n) => z.literal(n)))), 25),
  /** Absent means "the default for the viewer's role" (see `applyQueueDefaults`). */
  sort: one(z.enum(QUEUE_SORT_COLUMNS).optional(), undefined),
  dir: one(z.enum(["asc", "desc"]), QUEUE_DEFAULT_SORT.dir),
  stage: list(QUEUE_STEP_FILTERS).catch([]),
  ball: one(z.enum(OWNERS).optional(), undefined),
  /** Absent means "the default for the viewer's role" (see `effectiveSpecialist`). */
  specialist: one(specialist.optional(), undefined),
  hold: one(z.enum(HOLD_FILTERS), "any"),
  cluster: one(z.enum(CLUSTERS).optional(), undefined),
  sla: one(z.enum(SLA_FILTERS).optional(), undefined),
  q: one(
    textInput()
      .trim()
      .max(QUEUE_SEARCH_MAX)
      .transform((s) => s || undefined)
      .optional(),
    undefined,
  ),
  /** Cancelled merchants are hidden unless asked for. */
  cancelled: one(z.enum(["include"]).optional(), undefined),
});

export type QueueParams = z.output<typeof queueParamsSchema>;
export type QueueParamsInput = Record<string, string | string[] | undefined>;

export function parseQueueParams(input: QueueParamsInput | URLSearchParams): QueueParams {
  const record: QueueParamsInput = {};
  if (input instanceof URLSearchParams) {
    for (const key of new Set(input.keys())) record[key] = input.getAll(key);
  } else {
    Object.assign(record, input);
  }
  // Every field has a `.catch`, so this never throws on user input.
  return queueParamsSchema.parse(record);
}

export const DEFAULT_QUEUE_PARAMS: QueueParams = parseQueueParams({});

/** Specialists land on their own merchants; leads and admins on everyone's. */
export function effectiveSpecialist(role: Role, value: QueueParams["specialist"]): SpecialistFilter {
  return value ?? (role === "specialist" ? "mine" : "any");
}

/**
 * The view a viewer actually gets for `params`: the role's specialist scope made explicit, and
 * "mine" turned into the viewer's own id, so the URL names the same rows for whoever opens it.
 */
export function applyQueueDefaults(
  params: QueueParams,
  viewer: { id: string; role: Role },
): QueueParams & { sort: QueueSortColumn } {
  const scope = effectiveSpecialist(viewer.role, params.specialist);
  const sort = params.sort
    ? { sort: params.sort, dir: params.dir }
    : viewer.role === "specialist"
      ? SPECIALIST_DEFAULT_SORT
      : QUEUE_DEFAULT_SORT;
  return { ...params, ...sort, specialist: scope === "mine" ? viewer.id : scope };
}

/**
 * The query string for `params`. Sort, direction, page size and specialist scope are always
 * written (even when they are today's defaults), so a shared URL shows the same rows to everyone
 * who may see them, whatever their role or a later change of defaults. Empty filters and page 1
 * mean the same for everyone and stay out to keep URLs short.
 */
export function serializeQueueParams(params: QueueParams): string {
  const out = new URLSearchParams();
  if (params.page !== 1) out.set("page", String(params.page));
  out.set("perPage", String(params.perPage));
  out.set("sort", params.sort ?? QUEUE_DEFAULT_SORT.sort);
  out.set("dir", params.dir);
  if (params.stage.length) out.set("stage", params.stage.join(","));
  if (params.ball) out.set("ball", params.ball);
  if (params.specialist) out.set("specialist", params.specialist);
  if (params.hold !== "any") out.set("hold", params.hold);
  if (params.cluster) out.set("cluster", params.cluster);
  if (params.sla) out.set("sla", params.sla);
  if (params.q) out.set("q", params.q);
  if (params.cancelled) out.set("cancelled", params.cancelled);
  return out.toString();
}

/** Whether a query string already spells out `canonical` (same keys and values, any order). */
export function isCanonicalQuery(input: QueueParamsInput, canonical: string): boolean {
  const given = new URLSearchParams();
  for (const [key, value] of Object.entries(input)) for (const v of [value ?? []].flat()) given.append(key, v);
  const norm = (q: URLSearchParams) =>
    [...q.entries()]
      .map(([k, v]) => `${k}=${v}`)
      .sort()
      .join("&");
  return norm(given) === norm(new URLSearchParams(canonical));
}
