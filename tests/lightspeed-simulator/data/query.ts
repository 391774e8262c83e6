import type { SimShop } from "../types";
import type { CollectionDef, Ctx, Item } from "./collection";
import type { DataStore, ParentRef } from "./store";

/** limit: default 50, clamped to 1..250 (the reference leaves clamp-vs-400 open; we clamp). page: 1-based. */
export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 250;

type Filter = { sinceId: number; itemChecks: ((item: Item) => boolean)[] };

function positiveInt(value: string | null, fallback: number) {
  const n = value === null ? NaN : Number.parseInt(value, 10);
  return Number.isFinite(n) && n >= 1 ? n : fallback;
}

/** `YYYY-MM-DD HH:MM:SS` (UTC) as the API documents; a plain date or ISO string is accepted too. */
function parseDate(value: string): number | null {
  const normalised = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?$/.test(value) ? `${value.replace(" ", "T")}Z` : value;
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(normalised) ? `${normalised}T00:00:00Z` : normalised);
  return Number.isNaN(ms) ? null : ms;
}

/** The query's filters, or null when a date filter cannot be read (→ 400). Unknown parameters are ignored. */
export function parseFilters(def: CollectionDef, query: URLSearchParams): Filter | null {
  const itemChecks: Filter["itemChecks"] = [];
  const dates = [
    ["created_at_min", "createdAt", 1],
    ["created_at_max", "createdAt", -1],
    ["updated_at_min", "updatedAt", 1],
    ["updated_at_max", "updatedAt", -1],
  ] as const;
  for (const [param, field, sign] of dates) {
    const raw = query.get(param);
    if (raw === null || raw === "") continue;
    const bound = parseDate(raw);
    if (bound === null) return null;
    itemChecks.push((item) => sign * (Date.parse(String(item[field])) - bound) >= 0);
  }
  for (const [param, read] of Object.entries(def.filters ?? {})) {
    const wanted = query.get(param);
    if (wanted !== null && wanted !== "") itemChecks.push((item) => String(read(item)) === wanted);
  }
  return { sinceId: positiveInt(query.get("since_id"), 0), itemChecks };
}

function* matching(store: DataStore, shop: SimShop, def: CollectionDef, ctx: Ctx, filter: Filter, parent?: ParentRef) {
  for (const row of store.rows(shop, def, ctx, parent)) {
    if (row.id <= filter.sinceId) continue;
    if (filter.itemChecks.length === 0) {
      yield row;
      continue;
    }
    const item = row.item();
    if (filter.itemChecks.every((check) => check(item))) yield { id: row.id, item: () => item };
  }
}

export function listItems(
  store: DataStore,
  shop: SimShop,
  def: CollectionDef,
  ctx: Ctx,
  query: URLSearchParams,
  filter: Filter,
  parent?: ParentRef,
): Item[] {
  const limit = Math.min(positiveInt(query.get("limit"), DEFAULT_LIMIT), MAX_LIMIT);
  const offset = (positiveInt(query.get("page"), 1) - 1) * limit;
  const items: Item[] = [];
  let position = 0;
  for (const row of matching(store, shop, def, ctx, filter, parent)) {
    if (position++ < offset) continue;
    items.push(row.item());
    if (items.length === limit) break;
  }
  return items;
}

export function countItems(
  store: DataStore,
  shop: SimShop,
  def: CollectionDef,
  ctx: Ctx,
  filter: Filter,
  parent?: ParentRef,
): number {
  // O(1) for the unfiltered counts that key-health probes use.
  if (filter.sinceId === 0 && filter.itemChecks.length === 0) return store.count(shop, def, parent);
  let n = 0;
  for (const _row of matching(store, shop, def, ctx, filter, parent)) n++;
  return n;
}
