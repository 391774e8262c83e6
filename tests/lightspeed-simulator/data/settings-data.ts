import type { PermissionGroup } from "@/lib/lightspeed/vocabulary";
import { link } from "../envelope";
import type { SimShop } from "../types";
import { generatedId, timestamps, type CollectionDef, type Ctx } from "./collection";
import { LANGUAGES } from "./words";

/** The settings, content and tracking groups: shop singletons, languages, taxes, methods, text pages, webhooks. */
const BASE = Date.UTC(2023, 5, 1);

export type SingletonDef = {
  path: string;
  root: string;
  group: PermissionGroup;
  make(shop: SimShop, ctx: Ctx): Record<string, unknown>;
};

const currency = (shop: SimShop) => (shop.cluster === "us1" ? "USD" : "EUR");

export const singletons: SingletonDef[] = [
  {
    path: "shop",
    root: "shop",
    group: "settings",
    make: (shop, ctx) => ({
      id: shop.id,
      ...timestamps(BASE, 0),
      title: shop.name,
      mainDomain: shop.mainDomain,
      isLocked: false,
      language: shop.languages[0],
      currency: currency(shop),
      company: link(ctx, "shop/company", false),
      settings: link(ctx, "shop/settings", false),
      tracking: link(ctx, "shop/tracking", false),
    }),
  },
  {
    path: "shop/settings",
    root: "shopSettings",
    group: "settings",
    make: (shop) => ({
      currency: currency(shop),
      isVatIncluded: shop.cluster === "eu1",
      stockTracking: "enabled",
      customerAccounts: "optional",
      defaultLanguage: shop.languages[0],
    }),
  },
  {
    path: "shop/company",
    root: "shopCompany",
    group: "settings",
    make: (shop) => ({
      name: shop.name,
      email: `info@${shop.mainDomain}`,
      country: shop.cluster === "us1" ? "US" : "NL",
      vatNumber: shop.cluster === "eu1" ? `NL${String(shop.id).padStart(9, "0")}B01` : "",
    }),
  },
];

export const languages: CollectionDef = {
  path: "languages",
  singular: "language",
  plural: "languages",
  group: "settings",
  writable: false,
  idBase: 40_000_000,
  count: (shop) => shop.languages.length,
  make: (shop, index) => {
    const code = shop.languages[index]!;
    const known = LANGUAGES[code] ?? { locale: `${code}_${code.toUpperCase()}`, title: code };
    return {
      id: generatedId(languages, index),
      ...timestamps(BASE, index),
      isActive: true,
      isDefault: index === 0,
      code,
      ...known,
    };
  },
  filters: { code: (i) => i.code },
};

function fixedList(
  path: string,
  singular: string,
  idBase: number,
  group: PermissionGroup,
  rows: (shop: SimShop) => Record<string, unknown>[],
  writable = true,
): CollectionDef {
  const def: CollectionDef = {
    path,
    singular,
    plural: path,
    group,
    writable,
    idBase,
    count: (shop) => rows(shop).length,
    make: (shop, index) => ({ id: generatedId(def, index), ...timestamps(BASE, index), ...rows(shop)[index] }),
  };
  return def;
}

const TAXES = { eu1: [21, 9, 0], us1: [0, 7.25] } as const;
export const taxes = fixedList("taxes", "tax", 41_000_000, "settings", (shop) =>
  TAXES[shop.cluster].map((rate, i) => ({ isDefault: i === 0, rate: rate / 100, title: `${rate}%` })),
);
export const shippingMethods = fixedList("shippingmethods", "shippingmethod", 42_000_000, "settings", (shop) =>
  (shop.cluster === "us1" ? ["UPS Ground", "FedEx 2Day"] : ["PostNL", "DHL", "Pick-up in store"]).map((title, i) => ({
    title,
    isActive: true,
    priceIncl: i === 2 ? 0 : 6.95,
  })),
);
export const paymentMethods = fixedList(
  "paymentmethods",
  "paymentmethod",
  43_000_000,
  "settings",
  (shop) =>
    (shop.cluster === "us1" ? ["Credit card", "PayPal"] : ["iDEAL", "Credit card", "PayPal", "Bank transfer"]).map(
      (title) => ({ title, isActive: true }),
    ),
  false,
);
export const textpages = fixedList("textpages", "textpage", 44_000_000, "content", () =>
  ["About us", "Terms and conditions", "Privacy policy", "Shipping", "Contact"].map((title) => ({
    title,
    isVisible: true,
    url: title.toLowerCase().replace(/ /g, "-"),
    content: `<p>${title}</p>`,
  })),
);

/**
 * `shop/tracking` is a list of tracking codes (the official client's ShopTracking resource has
 * get-by-id, count, create, update and delete), not one object: `{"shopTrackings": [...]}`,
 * `/count`, `/{id}` as `{"shopTracking": {...}}`. Two codes per shop to start with.
 */
const TRACKING_ROWS = [
  { type: "google_analytics", title: "Google Analytics", placement: "header", content: "<script>/* GA */</script>" },
  { type: "facebook_pixel", title: "Meta pixel", placement: "footer", content: "<script>/* pixel */</script>" },
];
export const shopTracking: CollectionDef = {
  path: "shop/tracking",
  singular: "shopTracking",
  plural: "shopTrackings",
  group: "tracking",
  writable: true,
  idBase: 46_000_000,
  count: () => TRACKING_ROWS.length,
  make: (_shop, index) => ({
    id: generatedId(shopTracking, index),
    ...timestamps(BASE, index),
    isActive: true,
    ...TRACKING_ROWS[index],
  }),
  filters: { type: (i) => i.type },
  prepare: (input) => {
    const placement = input.placement ?? "header";
    if (typeof input.content !== "string" || !input.content || (placement !== "header" && placement !== "footer"))
      return null;
    const isActive = input.isActive === undefined ? true : input.isActive === true || input.isActive === "true";
    return {
      type: typeof input.type === "string" ? input.type : "custom",
      title: typeof input.title === "string" ? input.title : "",
      placement,
      content: input.content,
      isActive,
    };
  },
};

const ITEM_GROUPS = [
  "customers",
  "invoices",
  "orders",
  "products",
  "quotes",
  "reviews",
  "shipments",
  "subscriptions",
  "tickets",
  "variants",
];
const ITEM_ACTIONS = ["*", "created", "updated", "deleted", "paid", "shipped", "answered"];

/** Webhooks start empty and are stored as created; duplicates are allowed, as in the real API. */
export const webhooks: CollectionDef = {
  path: "webhooks",
  singular: "webhook",
  plural: "webhooks",
  group: "settings",
  writable: true,
  idBase: 45_000_000,
  count: () => 0,
  make: () => {
    throw new Error("webhooks are never generated");
  },
  filters: { itemGroup: (i) => i.itemGroup, itemAction: (i) => i.itemAction },
  prepare: (input, ctx) => {
    const address = typeof input.address === "string" ? input.address : "";
    if (
      !/^https?:\/\/\S+$/.test(address) ||
      !ITEM_GROUPS.includes(String(input.itemGroup)) ||
      !ITEM_ACTIONS.includes(String(input.itemAction))
    )
      return null;
    const format = input.format ?? "json";
    if (format !== "json" && format !== "xml") return null;
    const isActive = input.isActive === undefined ? true : input.isActive === true || input.isActive === "true";
    return {
      isActive,
      itemGroup: input.itemGroup,
      itemAction: input.itemAction,
      language: typeof input.language === "string" ? input.language : ctx.lang,
      format,
      address,
    };
  },
};
