import { link } from "../envelope";
import type { SimShop } from "../types";
import { generatedId, linkedId, pick, timestamps, type CollectionDef, type Ctx, type Item } from "./collection";
import { colourWord } from "./words";

/** The products group: products (+images), variants, catalog, categories, categories/products, brands. */
const BASE = Date.UTC(2024, 0, 1);
const GRAPES = [
  "Merlot",
  "Riesling",
  "Pinot Noir",
  "Chardonnay",
  "Syrah",
  "Tempranillo",
  "Sauvignon Blanc",
  "Nebbiolo",
];
const BRANDS = [
  "Domaine Lafage",
  "Bodegas Ontañón",
  "Weingut Künstler",
  "Château Maris",
  "Cantina Tramin",
  "Ridge Vineyards",
];
const CATEGORY_COUNT = 8;

export const productCount = (shop: SimShop) => shop.productCount ?? 30;

function productTitle(index: number, lang: string) {
  return `${GRAPES[index % GRAPES.length]} ${colourWord(lang, index % 4)} ${2015 + (index % 9)}`;
}

function product(shop: SimShop, index: number, ctx: Ctx): Item {
  const id = generatedId(products, index);
  const title = productTitle(index, ctx.lang);
  return {
    id,
    ...timestamps(BASE, index),
    isVisible: index % 17 !== 16,
    visibility: index % 17 === 16 ? "hidden" : "visible",
    url: `${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${id}`,
    title,
    fulltitle: `${BRANDS[index % BRANDS.length]} ${title}`,
    description: `${title}, 75 cl.`,
    content: `<p>${title} from ${shop.name}.</p>`,
    brand: link(
      ctx,
      `brands/${generatedId(brands, index % BRANDS.length)}`,
      generatedId(brands, index % BRANDS.length),
    ),
    images: link(ctx, `products/${id}/images`, false),
    variants: link(ctx, `variants?product=${id}`, false),
    categories: link(ctx, `categories/products?product=${id}`, false),
  };
}

export const products: CollectionDef = {
  path: "products",
  singular: "product",
  plural: "products",
  group: "products",
  writable: true,
  idBase: 10_000_000,
  count: productCount,
  make: product,
  filters: { brand: (item) => linkedId(item.brand) },
  prepare: (input) =>
    typeof input.title === "string" && input.title.trim() ? { isVisible: true, visibility: "visible", ...input } : null,
};

function variant(shop: SimShop, index: number, ctx: Ctx): Item {
  const productId = generatedId(products, index);
  const price = 8 + pick(40, shop.id, index);
  return {
    id: generatedId(variants, index),
    ...timestamps(BASE, index),
    isDefault: true,
    sortOrder: 1,
    articleCode: `ART-${1000 + index}`,
    ean: `87${String(shop.id % 100_000).padStart(5, "0")}${String(index).padStart(6, "0")}`,
    sku: `SKU-${shop.id}-${index + 1}`,
    title: "75 cl",
    priceExcl: price,
    priceIncl: Math.round(price * 121) / 100,
    stockTracking: "enabled",
    stockLevel: pick(120, shop.id, index, 7),
    product: link(ctx, `products/${productId}`, productId),
  };
}

export const variants: CollectionDef = {
  path: "variants",
  singular: "variant",
  plural: "variants",
  group: "products",
  writable: true,
  idBase: 11_000_000,
  count: productCount,
  make: variant,
  filters: {
    product: (i) => linkedId(i.product),
    sku: (i) => i.sku,
    ean: (i) => i.ean,
    article_code: (i) => i.articleCode,
  },
};

/** catalog = products with their variants embedded; it shows the products' writes and is read-only itself. */
export const catalog: CollectionDef = {
  ...products,
  path: "catalog",
  singular: "catalog",
  plural: "catalog",
  writable: false,
  overlayOf: "products",
  make: (shop, index, ctx) => {
    const row = variant(shop, index, ctx);
    const item = product(shop, index, ctx);
    return { ...item, variants: link(ctx, `variants?product=${item.id}`, false, { [row.id]: row }) };
  },
};

export const productImages: CollectionDef = {
  path: "products/images",
  parent: "products",
  singular: "productImage",
  plural: "productImages",
  group: "products",
  writable: true,
  idBase: 12_000_000,
  count: () => 2,
  make: (shop, index, _ctx, parentIndex = 0) => {
    const id = generatedId(productImages, index, parentIndex);
    return {
      id,
      ...timestamps(BASE, parentIndex),
      sortOrder: index + 1,
      title: `Bottle ${index + 1}`,
      src: `https://cdn.webshopapp.com/shops/${shop.id}/files/${id}/bottle.jpg`,
    };
  },
};

const CATEGORY_TITLES = [
  "Red wine",
  "White wine",
  "Rosé",
  "Sparkling",
  "Dessert wine",
  "Port",
  "Gift sets",
  "Accessories",
];

export const categories: CollectionDef = {
  path: "categories",
  singular: "category",
  plural: "categories",
  group: "products",
  writable: true,
  idBase: 13_000_000,
  count: () => CATEGORY_COUNT,
  make: (_shop, index, ctx) => {
    const id = generatedId(categories, index);
    const title = index < 4 ? colourWord(ctx.lang, index) : CATEGORY_TITLES[index]!;
    return {
      id,
      ...timestamps(BASE, index),
      isVisible: true,
      depth: 1,
      sortOrder: index + 1,
      url: title.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
      title,
      parent: false,
      products: link(ctx, `categories/products?category=${id}`, false),
    };
  },
  prepare: (input) => (typeof input.title === "string" && input.title.trim() ? { isVisible: true, ...input } : null),
};

export const categoriesProducts: CollectionDef = {
  path: "categories/products",
  singular: "categoriesProduct",
  plural: "categoriesProducts",
  group: "products",
  writable: true,
  idBase: 14_000_000,
  count: productCount,
  make: (_shop, index, ctx) => {
    const categoryId = generatedId(categories, index % CATEGORY_COUNT);
    const productId = generatedId(products, index);
    return {
      id: generatedId(categoriesProducts, index),
      ...timestamps(BASE, index),
      sortOrder: index + 1,
      category: link(ctx, `categories/${categoryId}`, categoryId),
      product: link(ctx, `products/${productId}`, productId),
    };
  },
  filters: { category: (i) => linkedId(i.category), product: (i) => linkedId(i.product) },
};

export const brands: CollectionDef = {
  path: "brands",
  singular: "brand",
  plural: "brands",
  group: "products",
  writable: true,
  idBase: 15_000_000,
  count: () => BRANDS.length,
  make: (_shop, index) => {
    const title = BRANDS[index]!;
    return {
      id: generatedId(brands, index),
      ...timestamps(BASE, index),
      isVisible: true,
      url: title.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
      title,
      content: "",
      image: false,
    };
  },
  prepare: (input) => (typeof input.title === "string" && input.title.trim() ? { isVisible: true, ...input } : null),
};
