import { describe, expect, it } from "vitest";
import { describeShop, judgeShopIdentity, normalizeDomain } from "./shop-identity";

const maison = { accountId: 2002, domain: "maisonduvin.ca", title: "Maison du Vin Quebec" };
const napa = { accountId: 2001, domain: "napavalleycellars.com", title: "Napa Valley Cellars" };

describe("shop identity", () => {
  it("makes typed and reported domains comparable", () => {
    expect(normalizeDomain("https://WWW.NapaValleyCellars.com/shop?x=1")).toBe("napavalleycellars.com");
    expect(normalizeDomain("napavalleycellars.com.")).toBe("napavalleycellars.com");
    expect(normalizeDomain("")).toBeNull();
  });

  it("pins the first healthy pair when its domain matches the sign-up", () => {
    expect(
      judgeShopIdentity({
        pinned: { accountId: null, domain: null },
        signupDomain: "www.napavalleycellars.com",
        reported: napa,
      }),
    ).toEqual({ kind: "pin" });
  });

  it("pins without review when the shop did not report a domain", () => {
    expect(
      judgeShopIdentity({
        pinned: { accountId: null, domain: null },
        signupDomain: "napavalleycellars.com",
        reported: { ...napa, domain: null },
      }),
    ).toEqual({ kind: "pin" });
  });

  it("asks a specialist when the first pair's domain disagrees with the sign-up", () => {
    const judgement = judgeShopIdentity({
      pinned: { accountId: null, domain: null },
      signupDomain: "napavalleycellars.com",
      reported: maison,
    });
    expect(judgement.kind).toBe("review");
    expect(judgement).toMatchObject({ message: expect.stringContaining("Maison du Vin Quebec (maisonduvin.ca)") });
  });

  it("refuses a pair of another account, naming the shop it belongs to", () => {
    const judgement = judgeShopIdentity({
      pinned: { accountId: 2001, domain: "napavalleycellars.com" },
      signupDomain: "napavalleycellars.com",
      reported: maison,
    });
    expect(judgement).toEqual({
      kind: "other_shop",
      message: expect.stringContaining(
        "belongs to another Lightspeed shop: Maison du Vin Quebec (maisonduvin.ca), not napavalleycellars.com",
      ),
    });
  });

  it("accepts another pair of the pinned account even if the shop moved domains", () => {
    expect(
      judgeShopIdentity({
        pinned: { accountId: 2001, domain: "napavalleycellars.com" },
        signupDomain: "napavalleycellars.com",
        reported: { ...napa, domain: "napacellars.wine" },
      }),
    ).toEqual({ kind: "same_shop" });
  });

  it("names a shop by what is known", () => {
    expect(describeShop({ accountId: 7, domain: null, title: null })).toBe("Lightspeed shop 7");
  });
});
