import { isoTimestamp } from "../envelope";
import type { SimShop } from "../types";
import { CREATED_ID_OFFSET, generatedId, generatedIndex, type CollectionDef, type Ctx, type Item } from "./collection";

type Overlay = {
  created: Map<number, Item>;
  patched: Map<number, Record<string, unknown>>;
  deleted: Set<number>;
  nextId: number;
};

/** A parent row as a sub-collection sees it: generated rows know their index; created ones have none. */
export type ParentRef = { id: number; index: number | null };

/**
 * Writes per shop and collection, created lazily on the first write: reads of untouched shops
 * allocate nothing. Scope = collection route (+ parent id for sub-collections).
 */
export class DataStore {
  private readonly overlays = new Map<string, Overlay>();
  private readonly singletonPatches = new Map<string, Record<string, unknown>>();

  private scope(shop: SimShop, def: CollectionDef, parent?: ParentRef) {
    return `${shop.id}|${def.overlayOf ?? def.path}|${parent?.id ?? ""}`;
  }

  private overlay(shop: SimShop, def: CollectionDef, parent?: ParentRef, create = false): Overlay | undefined {
    const key = this.scope(shop, def, parent);
    let overlay = this.overlays.get(key);
    if (!overlay && create) {
      overlay = {
        created: new Map(),
        patched: new Map(),
        deleted: new Set(),
        nextId: def.idBase + CREATED_ID_OFFSET + 1,
      };
      this.overlays.set(key, overlay);
    }
    return overlay;
  }

  private generatedCount(shop: SimShop, def: CollectionDef, parent?: ParentRef) {
    return def.parent && parent?.index === null ? 0 : def.count(shop);
  }

  /** Every row in id order, as cheap thunks: `since_id` can skip rows without building them. */
  *rows(shop: SimShop, def: CollectionDef, ctx: Ctx, parent?: ParentRef): Generator<{ id: number; item: () => Item }> {
    const overlay = this.overlay(shop, def, parent);
    const count = this.generatedCount(shop, def, parent);
    const parentIndex = parent?.index ?? undefined;
    for (let index = 0; index < count; index++) {
      const id = generatedId(def, index, parentIndex);
      if (overlay?.deleted.has(id)) continue;
      yield { id, item: () => this.patch(def.make(shop, index, ctx, parentIndex), overlay) };
    }
    if (overlay) for (const [id, row] of overlay.created) yield { id, item: () => row };
  }

  count(shop: SimShop, def: CollectionDef, parent?: ParentRef): number {
    const overlay = this.overlay(shop, def, parent);
    return this.generatedCount(shop, def, parent) - (overlay?.deleted.size ?? 0) + (overlay?.created.size ?? 0);
  }

  get(shop: SimShop, def: CollectionDef, id: number, ctx: Ctx, parent?: ParentRef): Item | null {
    const overlay = this.overlay(shop, def, parent);
    const created = overlay?.created.get(id);
    if (created) return created;
    const index = this.generatedIndexOf(shop, def, id, parent);
    if (index === null || overlay?.deleted.has(id)) return null;
    return this.patch(def.make(shop, index, ctx, parent?.index ?? undefined), overlay);
  }

  /** The generated row index behind an id (used to resolve a sub-collection's parent). */
  generatedIndexOf(shop: SimShop, def: CollectionDef, id: number, parent?: ParentRef): number | null {
    if (def.parent && parent?.index === null) return null;
    return generatedIndex(def, shop, id, parent?.index ?? undefined);
  }

  create(shop: SimShop, def: CollectionDef, fields: Record<string, unknown>, now: number, parent?: ParentRef): Item {
    const overlay = this.overlay(shop, def, parent, true)!;
    const stamp = isoTimestamp(now);
    const item: Item = { id: overlay.nextId++, ...fields, createdAt: stamp, updatedAt: stamp };
    overlay.created.set(item.id, item);
    return item;
  }

  update(
    shop: SimShop,
    def: CollectionDef,
    item: Item,
    fields: Record<string, unknown>,
    now: number,
    parent?: ParentRef,
  ): Item {
    const overlay = this.overlay(shop, def, parent, true)!;
    const { id: _id, createdAt: _createdAt, ...rest } = fields;
    const changes = { ...rest, updatedAt: isoTimestamp(now) };
    const created = overlay.created.get(item.id);
    if (created) Object.assign(created, changes);
    else overlay.patched.set(item.id, { ...overlay.patched.get(item.id), ...changes });
    return { ...item, ...changes };
  }

  remove(shop: SimShop, def: CollectionDef, id: number, parent?: ParentRef): void {
    const overlay = this.overlay(shop, def, parent, true)!;
    if (!overlay.created.delete(id)) overlay.deleted.add(id);
  }

  singleton(shopId: number, path: string, base: Record<string, unknown>): Record<string, unknown> {
    const patch = this.singletonPatches.get(`${shopId}|${path}`);
    return patch ? { ...base, ...patch } : base;
  }

  patchSingleton(shopId: number, path: string, fields: Record<string, unknown>): void {
    const key = `${shopId}|${path}`;
    this.singletonPatches.set(key, { ...this.singletonPatches.get(key), ...fields });
  }

  private patch(item: Item, overlay: Overlay | undefined): Item {
    const patch = overlay?.patched.get(item.id);
    return patch ? { ...item, ...patch } : item;
  }
}
