import type { PermissionGroup } from "@/lib/lightspeed/vocabulary";
import { isoTimestamp, type RequestContext } from "../envelope";
import type { SimShop } from "../types";

/**
 * Collections are generated on demand from (shop, row index): nothing is materialised per shop
 * or per key, so thousands of keys cost nothing until a row is read. Writes land in a small
 * per-shop overlay (see store.ts).
 */
export type Item = Record<string, unknown> & { id: number; createdAt: string; updatedAt: string };
export type Ctx = RequestContext;

export type CollectionDef = {
  /** Route name: "products", "categories/products", or "products/images" for a sub-collection. */
  path: string;
  singular: string;
  plural: string;
  group: PermissionGroup;
  /** For a sub-collection: the parent's route name (its ids appear in the URL). */
  parent?: string;
  writable: boolean;
  idBase: number;
  /** Rows generated per shop (per parent row for a sub-collection). */
  count(shop: SimShop): number;
  make(shop: SimShop, index: number, ctx: Ctx, parentIndex?: number): Item;
  /** Equality filters: query parameter → value read from an item. */
  filters?: Record<string, (item: Item) => unknown>;
  /** Defaults and checks for created rows; null means "Invalid data input.". */
  prepare?(input: Record<string, unknown>, ctx: Ctx): Record<string, unknown> | null;
  /** Where writes are stored when two routes show the same rows (catalog shows products). */
  overlayOf?: string;
};

/**
 * Rows of a sub-collection are spaced by this stride per parent row, so ids stay unique. Id bases
 * are 1,000,000 apart: at most 50,000 rows × stride 10 + created rows fit below the next base.
 */
export const NESTED_STRIDE = 10;
/** Created rows get ids above every generated id of their collection. */
export const CREATED_ID_OFFSET = 600_000;

export function generatedId(def: CollectionDef, index: number, parentIndex?: number): number {
  return def.idBase + (parentIndex === undefined ? 0 : parentIndex * NESTED_STRIDE) + index + 1;
}

/** The generated row index an id maps to, or null when the id is not a generated row. */
export function generatedIndex(def: CollectionDef, shop: SimShop, id: number, parentIndex?: number): number | null {
  const index = id - def.idBase - 1 - (parentIndex === undefined ? 0 : parentIndex * NESTED_STRIDE);
  return Number.isInteger(index) && index >= 0 && index < def.count(shop) ? index : null;
}

/** Generated rows: one every 5 hours from `base`, updated 0–29 days after creation. */
export function timestamps(base: number, index: number) {
  const created = base + index * 5 * 3_600_000;
  return { createdAt: isoTimestamp(created), updatedAt: isoTimestamp(created + (index % 30) * 86_400_000) };
}

/** Deterministic pseudo-random integer in [0, mod) from a few numbers (no state, no Math.random). */
export function pick(mod: number, ...seeds: number[]): number {
  let h = 2166136261;
  for (const s of seeds) h = Math.imul(h ^ s, 16777619) >>> 0;
  return mod <= 0 ? 0 : h % mod;
}

/** The id in a link object, or null. */
export function linkedId(value: unknown): number | null {
  const id = (value as { resource?: { id?: unknown } } | undefined)?.resource?.id;
  return typeof id === "number" ? id : null;
}
