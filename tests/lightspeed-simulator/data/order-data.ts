import { link } from "../envelope";
import type { SimShop } from "../types";
import { generatedId, linkedId, pick, timestamps, type CollectionDef, type Ctx, type Item } from "./collection";
import { productCount, products, variants } from "./product-data";

/** The orders group (orders + products, invoices, shipments, returns) and the customers group. */
const BASE = Date.UTC(2025, 0, 1);
const FIRST = ["Anna", "Bram", "Chloé", "Daan", "Eva", "Finn", "Greta", "Hugo"];
const LAST = ["de Vries", "Jansen", "Müller", "Martin", "Smith", "García", "Rossi", "Peeters"];
const STATUSES = ["processing_awaiting_payment", "processing_awaiting_shipment", "completed_shipped", "cancelled"];

const orderCount = (shop: SimShop) => shop.orderCount ?? 10;
const customerCount = (shop: SimShop) => shop.customerCount ?? 10;

function customerEmail(index: number) {
  const first = FIRST[index % FIRST.length]!.toLowerCase()
    .normalize("NFD")
    .replace(/[^a-z]/g, "");
  return `${first}.${index + 1}@example.com`;
}

function customerLink(shop: SimShop, orderIndex: number, ctx: Ctx) {
  const count = customerCount(shop);
  if (count === 0) return false;
  const id = generatedId(customers, orderIndex % count);
  return link(ctx, `customers/${id}`, id);
}

function orderLink(index: number, ctx: Ctx) {
  const id = generatedId(orders, index);
  return link(ctx, `orders/${id}`, id);
}

export const customers: CollectionDef = {
  path: "customers",
  singular: "customer",
  plural: "customers",
  group: "customers",
  writable: true,
  idBase: 20_000_000,
  count: customerCount,
  make: (shop, index, ctx) => {
    const id = generatedId(customers, index);
    const firstname = FIRST[index % FIRST.length]!;
    const lastname = LAST[pick(LAST.length, shop.id, index)]!;
    return {
      id,
      ...timestamps(BASE, index),
      isConfirmed: true,
      type: index % 5 === 4 ? "company" : "private",
      email: customerEmail(index),
      firstname,
      lastname,
      language: link(ctx, "languages", false),
      orders: link(ctx, `orders?customer=${id}`, false),
    };
  },
  filters: { email: (i) => i.email },
  prepare: (input) =>
    typeof input.email === "string" && input.email.includes("@")
      ? { isConfirmed: false, type: "private", ...input }
      : null,
};

function order(shop: SimShop, index: number, ctx: Ctx): Item {
  const id = generatedId(orders, index);
  const priceExcl = 20 + pick(400, shop.id, index, 3);
  const customer = customerLink(shop, index, ctx);
  return {
    id,
    ...timestamps(BASE, index),
    number: `ORD${String(10_001 + index)}`,
    status: STATUSES[index % STATUSES.length],
    paymentStatus: index % 4 === 0 ? "not_paid" : "paid",
    shipmentStatus: index % 4 === 2 ? "shipped" : "not_shipped",
    priceExcl,
    priceIncl: Math.round(priceExcl * 121) / 100,
    email: customer ? customerEmail(index % customerCount(shop)) : "guest@example.com",
    customer,
    products: link(ctx, `orders/${id}/products`, false),
    invoices: link(ctx, `invoices?order=${id}`, false),
    shipments: link(ctx, `shipments?order=${id}`, false),
  };
}

export const orders: CollectionDef = {
  path: "orders",
  singular: "order",
  plural: "orders",
  group: "orders",
  writable: true,
  idBase: 30_000_000,
  count: orderCount,
  make: order,
  filters: { customer: (i) => linkedId(i.customer), number: (i) => i.number, email: (i) => i.email },
};

export const orderProducts: CollectionDef = {
  path: "orders/products",
  parent: "orders",
  singular: "orderProduct",
  plural: "orderProducts",
  group: "orders",
  writable: true,
  idBase: 31_000_000,
  count: () => 3, // lines per order
  make: (shop, index, ctx, parentIndex = 0) => {
    const count = productCount(shop);
    const productIndex = count ? (parentIndex * 7 + index) % count : 0;
    const productId = generatedId(products, productIndex);
    const variantId = generatedId(variants, productIndex);
    return {
      id: generatedId(orderProducts, index, parentIndex),
      ...timestamps(BASE, parentIndex),
      productTitle: `Product ${productIndex + 1}`,
      quantity: 1 + pick(6, shop.id, parentIndex, index),
      priceExcl: 10 + pick(40, shop.id, productIndex),
      sku: `SKU-${shop.id}-${productIndex + 1}`,
      product: count ? link(ctx, `products/${productId}`, productId) : false,
      variant: count ? link(ctx, `variants/${variantId}`, variantId) : false,
    };
  },
  filters: { product: (i) => linkedId(i.product) },
};

function orderChild(
  path: string,
  singular: string,
  idBase: number,
  prefix: string,
  fields: (index: number) => Record<string, unknown>,
): CollectionDef {
  const def: CollectionDef = {
    path,
    singular,
    plural: path,
    group: "orders",
    writable: true,
    idBase,
    count: orderCount,
    make: (shop, index, ctx) => ({
      id: generatedId(def, index),
      ...timestamps(BASE, index),
      number: `${prefix}${String(10_001 + index)}`,
      ...fields(index),
      order: orderLink(index, ctx),
      customer: customerLink(shop, index, ctx),
    }),
    filters: { order: (i) => linkedId(i.order), number: (i) => i.number, customer: (i) => linkedId(i.customer) },
  };
  return def;
}

export const invoices = orderChild("invoices", "invoice", 32_000_000, "INV", (i) => ({
  status: i % 4 === 0 ? "not_paid" : "paid",
  isCreditNote: false,
}));
export const shipments = orderChild("shipments", "shipment", 33_000_000, "SHP", (i) => ({
  status: i % 4 === 2 ? "shipped" : "not_shipped",
  trackingCode: `3SABC${String(i).padStart(9, "0")}`,
}));
export const returns = orderChild("returns", "return", 34_000_000, "RET", (i) => ({
  status: ["requested", "approved", "received"][i % 3],
  reason: "Damaged bottle",
}));
