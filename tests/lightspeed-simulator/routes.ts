import type { PermissionGroup } from "@/lib/lightspeed/vocabulary";
import type { CollectionDef } from "./data/collection";
import { customers, invoices, orderProducts, orders, returns, shipments } from "./data/order-data";
import {
  brands,
  catalog,
  categories,
  categoriesProducts,
  productImages,
  products,
  variants,
} from "./data/product-data";
import {
  languages,
  paymentMethods,
  shippingMethods,
  shopTracking,
  singletons,
  taxes,
  textpages,
  webhooks,
  type SingletonDef,
} from "./data/settings-data";

/**
 * Every route the simulator serves and the permission group that guards it (reference §6,
 * "proposed mapping"; webhooks sit under settings). The group lives on each definition, so a real
 * key that proves the mapping wrong is a one-line change there.
 */
export const COLLECTIONS: CollectionDef[] = [
  products,
  productImages,
  variants,
  catalog,
  categories,
  categoriesProducts,
  brands,
  orders,
  orderProducts,
  invoices,
  shipments,
  returns,
  customers,
  languages,
  taxes,
  shippingMethods,
  paymentMethods,
  textpages,
  webhooks,
  shopTracking,
];
const collectionByPath = new Map(COLLECTIONS.map((def) => [def.path, def]));
const singletonByPath = new Map(singletons.map((def) => [def.path, def]));
export const ACCOUNT_ROUTES = ["account", "account/permissions", "account/ratelimit"] as const;
export type AccountRoute = (typeof ACCOUNT_ROUTES)[number];

export type Route =
  | { kind: "account"; path: AccountRoute }
  | { kind: "singleton"; def: SingletonDef }
  | {
      kind: "collection";
      def: CollectionDef;
      action: "list" | "count" | "item";
      id?: number;
      parent?: { def: CollectionDef; id: number };
    };

/** `/{lang}/{resource}.{ext}` → its parts, or null when the path has no such shape. */
export function splitPath(pathname: string): { lang: string; resource: string; ext: string } | null {
  const match = /^\/([a-z]{2})\/([a-z0-9_/]+?)\.([a-z]+)$/.exec(pathname);
  return match ? { lang: match[1]!, resource: match[2]!, ext: match[3]! } : null;
}

const isId = (segment: string | undefined) => segment !== undefined && /^[1-9]\d{0,15}$/.test(segment);

function tail(
  def: CollectionDef,
  rest: string[],
  parent?: Extract<Route, { kind: "collection" }>["parent"],
): Route | null {
  if (rest.length === 0) return { kind: "collection", def, action: "list", parent };
  if (rest.length === 1 && rest[0] === "count") return { kind: "collection", def, action: "count", parent };
  if (!isId(rest[0])) return null;
  const id = Number(rest[0]);
  if (rest.length === 1) return { kind: "collection", def, action: "item", id, parent };
  const nested = collectionByPath.get(`${def.path}/${rest[1]}`);
  if (parent || !nested || nested.parent !== def.path) return null;
  return tail(nested, rest.slice(2), { def, id });
}

export function parseRoute(resource: string): Route | null {
  if ((ACCOUNT_ROUTES as readonly string[]).includes(resource))
    return { kind: "account", path: resource as AccountRoute };
  const singleton = singletonByPath.get(resource);
  if (singleton) return { kind: "singleton", def: singleton };
  const segments = resource.split("/");
  const twoPart = collectionByPath.get(segments.slice(0, 2).join("/"));
  if (segments.length >= 2 && twoPart && !twoPart.parent) return tail(twoPart, segments.slice(2));
  const onePart = collectionByPath.get(segments[0]!);
  return onePart && !onePart.parent ? tail(onePart, segments.slice(1)) : null;
}

/** null = always allowed for an enabled key (account*). */
export function routeGroup(route: Route): PermissionGroup | null {
  return route.kind === "account" ? null : route.def.group;
}
