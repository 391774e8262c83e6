import { createHash } from "node:crypto";
import type { SimApp, SimCluster, SimGrants, SimKey, SimShop } from "./types";

/** Who is calling: a private key, or an App Store app installed in one shop. */
export type Principal = {
  rateId: string;
  apiKey: string;
  shop: SimShop;
  appId: number | false;
  permissions: SimGrants;
};
export type AuthOutcome = { ok: true; principal: Principal } | { ok: false; reason: "invalid" | "disabled" };

export function basicCredentials(header: string | undefined): { username: string; password: string } | null {
  const match = header && /^Basic\s+(\S+)$/i.exec(header);
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon < 0 ? null : { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export const appPassword = (token: string, appSecret: string) =>
  createHash("md5")
    .update(token + appSecret)
    .digest("hex");

type Install = { shopId: number; enabled: boolean; permissions: SimGrants; appId: number };

/** Keys, app installs and shops, all looked up in O(1) by the Basic-auth username. */
export class Registry {
  readonly shops = new Map<number, SimShop>();
  private readonly keys = new Map<string, SimKey>();
  // appKey → (md5(token + appSecret) → install)
  private readonly apps = new Map<string, Map<string, Install>>();

  constructor(shops: SimShop[], keys: SimKey[], apps: SimApp[] = []) {
    for (const shop of shops) this.shops.set(shop.id, shop);
    for (const key of keys) this.keys.set(key.key, key);
    for (const app of apps) {
      const installs = new Map<string, Install>();
      for (const i of app.installs)
        installs.set(appPassword(i.token, app.appSecret), {
          shopId: i.shopId,
          enabled: i.enabled ?? true,
          permissions: i.permissions,
          appId: app.appId,
        });
      this.apps.set(app.appKey, installs);
    }
  }

  hasKey = (apiKey: string) => this.keys.has(apiKey);
  upsertKey = (key: SimKey) => void this.keys.set(key.key, key);
  removeKey = (apiKey: string) => this.keys.delete(apiKey);

  /**
   * A key belongs to one shop and only works on that shop's cluster: elsewhere it is unknown (401).
   * A disabled key is reported separately so its status can be configured.
   */
  authenticate(credentials: { username: string; password: string } | null, cluster: SimCluster): AuthOutcome {
    if (!credentials) return { ok: false, reason: "invalid" };
    const key = this.keys.get(credentials.username);
    const install = key ? undefined : this.apps.get(credentials.username)?.get(credentials.password);
    const secretOk = key ? key.secret === credentials.password : install !== undefined;
    const shopId = key?.shopId ?? install?.shopId;
    const shop = shopId === undefined ? undefined : this.shops.get(shopId);
    if (!secretOk || !shop || shop.cluster !== cluster) return { ok: false, reason: "invalid" };
    if (!(key?.enabled ?? install?.enabled)) return { ok: false, reason: "disabled" };
    const principal: Principal = key
      ? { rateId: key.key, apiKey: key.key, shop, appId: key.appId ?? false, permissions: key.permissions }
      : {
          rateId: `${credentials.username}:${shop.id}`,
          apiKey: credentials.username,
          shop,
          appId: install!.appId,
          permissions: install!.permissions,
        };
    return { ok: true, principal };
  }
}
