import type { IncomingMessage } from "node:http";
import { accountBody } from "./account";
import type { Principal } from "./auth";
import { readBody, unwrapBody } from "./body";
import type { CollectionDef, Item } from "./data/collection";
import { countItems, listItems, parseFilters } from "./data/query";
import type { DataStore, ParentRef } from "./data/store";
import { errorReply, INVALID_DATA, jsonReply, type Reply, type RequestContext } from "./envelope";
import type { RateSnapshot } from "./rate-limiter";
import { parseRoute, routeGroup, splitPath, type Route } from "./routes";

export type ResourceDeps = {
  store: DataStore;
  denialStatus: 401 | 403;
  permissionsShape: "contract" | "unrecognised";
};

const notFound = (ctx: RequestContext) => errorReply(404, ctx, "Not found.");
const notAllowed = (ctx: RequestContext) => errorReply(405, ctx, "Method not allowed.");

/** An authenticated, counted request: language, format, route, permission, then the resource itself. */
export async function serveResource(
  deps: ResourceDeps,
  req: IncomingMessage,
  who: Principal,
  url: URL,
  host: string,
  now: number,
  rate: RateSnapshot,
): Promise<Reply> {
  const method = req.method === "HEAD" ? "GET" : (req.method ?? "GET");
  const parts = splitPath(url.pathname);
  const ctx: RequestContext = { method, path: url.pathname, host, lang: parts?.lang ?? "en", now };
  if (!parts) return notFound(ctx);
  if (!who.shop.languages.includes(parts.lang))
    return errorReply(404, ctx, `Language "${parts.lang}" is not active in this shop.`);
  if (parts.ext === "xml") return errorReply(406, ctx, "Only JSON is available from this simulator.");
  if (parts.ext !== "json") return notFound(ctx);
  const route = parseRoute(parts.resource);
  if (!route) return notFound(ctx);

  const group = routeGroup(route);
  const access = method === "GET" ? "read" : "write";
  if (group && !who.permissions[group][access]) {
    return errorReply(deps.denialStatus, ctx, `This API key is not allowed to ${access} ${group}.`);
  }
  if (route.kind === "account")
    return method === "GET"
      ? jsonReply(200, accountBody(route.path, who, ctx, rate, deps.permissionsShape))
      : notAllowed(ctx);
  if (route.kind === "singleton") {
    const current = () => deps.store.singleton(who.shop.id, route.def.path, route.def.make(who.shop, ctx));
    if (method === "GET") return jsonReply(200, { [route.def.root]: current() });
    if (method !== "PUT") return notAllowed(ctx);
    const fields = unwrapBody(await readBody(req), req.headers["content-type"], route.def.root);
    if (!fields) return errorReply(400, ctx, INVALID_DATA);
    deps.store.patchSingleton(who.shop.id, route.def.path, fields);
    return jsonReply(200, { [route.def.root]: current() });
  }
  return serveCollection(deps, req, who, route, url, ctx);
}

async function serveCollection(
  deps: ResourceDeps,
  req: IncomingMessage,
  who: Principal,
  route: Extract<Route, { kind: "collection" }>,
  url: URL,
  ctx: RequestContext,
): Promise<Reply> {
  const { store } = deps;
  const { def } = route;
  const shop = who.shop;
  let parent: ParentRef | undefined;
  if (route.parent) {
    if (!store.get(shop, route.parent.def, route.parent.id, ctx)) return notFound(ctx);
    parent = { id: route.parent.id, index: store.generatedIndexOf(shop, route.parent.def, route.parent.id) };
  }
  const { method } = ctx;
  if (method !== "GET" && !def.writable) return notAllowed(ctx);

  if (route.action !== "item") {
    if (method === "POST" && route.action === "list") return create(deps, req, who, def, ctx, parent);
    if (method !== "GET") return notAllowed(ctx);
    const filter = parseFilters(def, url.searchParams);
    if (!filter) return errorReply(400, ctx, INVALID_DATA);
    if (route.action === "count") return jsonReply(200, { count: countItems(store, shop, def, ctx, filter, parent) });
    return jsonReply(200, { [def.plural]: listItems(store, shop, def, ctx, url.searchParams, filter, parent) });
  }

  const item = store.get(shop, def, route.id!, ctx, parent);
  if (!item) return notFound(ctx);
  if (method === "GET") return jsonReply(200, { [def.singular]: item });
  if (method === "DELETE") {
    store.remove(shop, def, item.id, parent);
    return { status: 204 };
  }
  if (method !== "PUT") return notAllowed(ctx);
  const input = unwrapBody(await readBody(req), req.headers["content-type"], def.singular);
  const fields = input && prepare(def, { ...strip(item), ...input }, ctx);
  if (!fields) return errorReply(400, ctx, INVALID_DATA);
  return jsonReply(200, { [def.singular]: store.update(shop, def, item, fields, ctx.now, parent) });
}

async function create(
  deps: ResourceDeps,
  req: IncomingMessage,
  who: Principal,
  def: CollectionDef,
  ctx: RequestContext,
  parent?: ParentRef,
): Promise<Reply> {
  const input = unwrapBody(await readBody(req), req.headers["content-type"], def.singular);
  const fields = input && Object.keys(input).length > 0 ? prepare(def, strip(input), ctx) : null;
  if (!fields) return errorReply(400, ctx, INVALID_DATA);
  return jsonReply(201, { [def.singular]: deps.store.create(who.shop, def, fields, ctx.now, parent) });
}

function prepare(def: CollectionDef, input: Record<string, unknown>, ctx: RequestContext) {
  return def.prepare ? def.prepare(input, ctx) : input;
}

function strip(item: Record<string, unknown>): Record<string, unknown> {
  const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = item as Partial<Item>;
  return rest;
}
