import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Simulator } from "@/tests/lightspeed-simulator";
import { call, DEMO, freshKey, startDemo } from "./helpers";

let sim: Simulator;
// Each test gets its own key: the 20-per-second burst limit is per key and the manual clock stands still.
const key = () => freshKey(sim);
beforeAll(async () => {
  sim = await startDemo();
});
afterAll(() => sim.close());

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/;

describe("languages and formats", () => {
  it("translates fields by the language segment and serves only the shop's languages", async () => {
    const k = key();
    const nl = await call(sim.eu1Url, "/nl/products/10000001.json", k);
    const en = await call(sim.eu1Url, "/en/products/10000001.json", k);
    expect(nl.json.product.title).toBe("Merlot rode wijn 2015");
    expect(en.json.product.title).toBe("Merlot red wine 2015");
    const fr = await call(sim.eu1Url, "/fr/products.json", k);
    expect(fr.status).toBe(404);
    expect(fr.json.error).toMatchObject({ code: 404, method: "GET", request: "/fr/products.json" });
  });

  it("serves a us-coded shop on us1 and refuses its missing en", async () => {
    expect((await call(sim.us1Url, "/us/shop.json", DEMO.us1OnlyUs)).json.shop).toMatchObject({
      id: 2002,
      mainDomain: "maisonduvin.ca",
    });
    expect((await call(sim.us1Url, "/en/account.json", DEMO.us1OnlyUs)).status).toBe(404);
    const languages = await call(sim.us1Url, "/us/languages.json", DEMO.us1OnlyUs);
    expect(languages.json.languages.map((l: { code: string; locale: string }) => [l.code, l.locale])).toEqual([
      ["us", "en_US"],
      ["fc", "fr_CA"],
    ]);
  });

  it("answers .xml with 406 and unknown resources or ids with 404 envelopes", async () => {
    const k = key();
    expect((await call(sim.eu1Url, "/en/products.xml", k)).status).toBe(406);
    expect((await call(sim.eu1Url, "/en/blogs.json", k)).status).toBe(404);
    const missing = await call(sim.eu1Url, "/en/products/99.json", k);
    expect(missing.status).toBe(404);
    expect(missing.json.error).toMatchObject({ code: 404, request: "/en/products/99.json" });
    expect((await call(sim.eu1Url, "/en/products/99/images.json", k)).status).toBe(404);
  });
});

describe("envelopes", () => {
  it("wraps one object, a list and a count, with absolute link objects and +00:00 timestamps", async () => {
    const k = key();
    const one = await call(sim.eu1Url, "/en/orders/30000002.json", k);
    expect(Object.keys(one.json)).toEqual(["order"]);
    expect(one.json.order.createdAt).toMatch(ISO);
    expect(one.json.order.customer.resource).toEqual({
      id: 20000002,
      url: "customers/20000002",
      link: `${sim.eu1Url}/en/customers/20000002.json`,
    });
    expect(one.json.order.products.resource.id).toBe(false);
    const list = await call(sim.eu1Url, `/en/orders/30000002/products.json`, k);
    expect(list.json.orderProducts).toHaveLength(3);
    expect((await call(sim.eu1Url, "/en/orders/count.json", k)).json).toEqual({ count: 40 });
    const catalog = await call(sim.eu1Url, "/en/catalog.json?limit=2", k);
    expect(Object.values(catalog.json.catalog[0].variants.resource.embedded)).toHaveLength(1);
  });

  it("serves every endpoint of the minimum list", async () => {
    const k = key();
    const paths = [
      "account",
      "account/permissions",
      "account/ratelimit",
      "shop",
      "shop/settings",
      "shop/company",
      "shop/tracking",
      "languages",
      "catalog",
      "products",
      "products/10000003/images",
      "variants",
      "categories",
      "categories/products",
      "brands",
      "orders",
      "customers",
      "shipments",
      "invoices",
      "returns",
      "taxes",
      "shippingmethods",
      "paymentmethods",
      "textpages",
      "webhooks",
    ];
    for (const p of paths.slice(0, 18))
      expect([p, (await call(sim.eu1Url, `/en/${p}.json`, k)).status]).toEqual([p, 200]);
    const k2 = key();
    for (const p of paths.slice(18))
      expect([p, (await call(sim.eu1Url, `/en/${p}.json`, k2)).status]).toEqual([p, 200]);
  });
});

describe("pagination and filters", () => {
  it("pages 320 products at 250, clamps larger limits and ends with an empty page", async () => {
    const k = key();
    const page = async (q: string) =>
      (await call(sim.eu1Url, `/en/products.json?${q}`, k)).json.products as { id: number }[];
    expect(await page("")).toHaveLength(50);
    const first = await page("limit=250&page=1");
    const second = await page("limit=250&page=2");
    expect([first.length, second.length]).toEqual([250, 70]);
    expect(second[0]!.id).toBe(first[249]!.id + 1);
    expect(await page("limit=250&page=3")).toEqual([]);
    expect(await page("limit=1000")).toHaveLength(250);
    expect((await page("since_id=10000318")).map((p) => p.id)).toEqual([10000319, 10000320]);
  });

  it("filters by dates and equality, counts with the same filters, and answers [] for unknown related ids", async () => {
    const k = key();
    const recent = await call(sim.eu1Url, "/en/products.json?created_at_min=2024-02-25 00:00:00&limit=250", k);
    const count = await call(sim.eu1Url, "/en/products/count.json?created_at_min=2024-02-25 00:00:00", k);
    expect(recent.json.products.length).toBe(count.json.count);
    expect(count.json.count).toBeGreaterThan(0);
    expect(count.json.count).toBeLessThan(320);
    const variants = await call(sim.eu1Url, "/en/variants.json?product=10000005", k);
    expect(variants.json.variants).toHaveLength(1);
    expect(variants.json.variants[0].product.resource.id).toBe(10000005);
    const byCustomer = await call(sim.eu1Url, "/en/orders.json?customer=20000001", k);
    expect(
      byCustomer.json.orders.every(
        (o: { customer: { resource: { id: number } } }) => o.customer.resource.id === 20000001,
      ),
    ).toBe(true);
    expect(byCustomer.json.orders.length).toBe(2);
    expect((await call(sim.eu1Url, "/en/orders.json?customer=1", k)).json).toEqual({ orders: [] });
    const email = (await call(sim.eu1Url, "/en/customers/20000003.json", k)).json.customer.email;
    expect((await call(sim.eu1Url, `/en/customers/count.json?email=${encodeURIComponent(email)}`, k)).json).toEqual({
      count: 1,
    });
    expect((await call(sim.eu1Url, "/en/products.json?created_at_min=yesterday", k)).status).toBe(400);
  });
});

describe("writes", () => {
  it("creates (201), reads, updates (200) and deletes (204) a webhook", async () => {
    const k = key();
    const body = {
      webhook: {
        isActive: true,
        itemGroup: "orders",
        itemAction: "created",
        language: "en",
        format: "json",
        address: "https://example.com/hook",
      },
    };
    const created = await call(sim.eu1Url, "/en/webhooks.json", k, { method: "POST", body });
    expect(created.status).toBe(201);
    const id = created.json.webhook.id as number;
    expect(created.json.webhook).toMatchObject({ ...body.webhook, id });
    expect(created.json.webhook.createdAt).toMatch(ISO);
    expect((await call(sim.eu1Url, "/en/webhooks/count.json", k)).json.count).toBeGreaterThanOrEqual(1);
    const updated = await call(sim.eu1Url, `/en/webhooks/${id}.json`, k, {
      method: "PUT",
      body: { webhook: { isActive: false } },
    });
    expect(updated.status).toBe(200);
    expect(updated.json.webhook).toMatchObject({ id, isActive: false, address: "https://example.com/hook" });
    expect((await call(sim.eu1Url, `/en/webhooks/${id}.json`, k)).json.webhook.isActive).toBe(false);
    const deleted = await call(sim.eu1Url, `/en/webhooks/${id}.json`, k, { method: "DELETE" });
    expect([deleted.status, deleted.text]).toEqual([204, ""]);
    expect((await call(sim.eu1Url, `/en/webhooks/${id}.json`, k)).status).toBe(404);
  });

  it("accepts form bracket notation and allows duplicate webhooks", async () => {
    const k = key();
    const form =
      "webhook[isActive]=true&webhook[itemGroup]=products&webhook[itemAction]=updated&webhook[address]=https%3A%2F%2Fexample.com%2Fp";
    const a = await call(sim.eu1Url, "/en/webhooks.json", k, { method: "POST", form });
    const b = await call(sim.eu1Url, "/en/webhooks.json", k, { method: "POST", form });
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.json.webhook).toMatchObject({ isActive: true, itemGroup: "products", format: "json", language: "en" });
    expect(b.json.webhook.id).not.toBe(a.json.webhook.id);
  });

  it("answers bad payloads with 400 Invalid data input.", async () => {
    const k = key();
    for (const options of [
      { method: "POST", body: { webhook: { address: "not a url", itemGroup: "orders", itemAction: "created" } } },
      { method: "POST", body: { hook: {} } },
      { method: "POST", body: { product: { description: "no title" } } },
    ]) {
      const path = options.body && "product" in options.body ? "/en/products.json" : "/en/webhooks.json";
      const res = await call(sim.eu1Url, path, k, options);
      expect(res.status).toBe(400);
      expect(res.json.error).toMatchObject({ code: 400, method: "POST", message: "Invalid data input." });
    }
  });

  it("shows an update to a generated product in products and catalog, and a deletion in counts", async () => {
    const k = key();
    const res = await call(sim.eu1Url, "/en/products/10000010.json", k, {
      method: "PUT",
      body: { product: { title: "Renamed" } },
    });
    expect(res.json.product.title).toBe("Renamed");
    expect((await call(sim.eu1Url, "/en/catalog/10000010.json", k)).json.catalog.title).toBe("Renamed");
    const shop = await call(sim.us1Url, "/en/brands/15000006.json", DEMO.us1Full, { method: "DELETE" });
    expect(shop.status).toBe(204);
    expect((await call(sim.us1Url, "/en/brands/count.json", DEMO.us1Full)).json.count).toBe(5);
    const settings = await call(sim.us1Url, "/en/shop/settings.json", DEMO.us1Full, {
      method: "PUT",
      body: { shopSettings: { stockTracking: "disabled" } },
    });
    expect(settings.json.shopSettings).toMatchObject({ currency: "USD", stockTracking: "disabled" });
  });
});
