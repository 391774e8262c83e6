import type { PermissionGroup } from "@/lib/lightspeed/vocabulary";

/**
 * The pinned simulator interface (see the team's sim contract). Anything marked "extension" is
 * additive: tests written against the contract alone never need it.
 */
export type SimCluster = "eu1" | "us1";
export type SimGrants = Record<PermissionGroup, { read: boolean; write: boolean }>;

export type SimKey = {
  key: string;
  secret: string;
  shopId: number;
  enabled: boolean;
  appId?: number | false;
  permissions: SimGrants;
  /** Pre-consumed quota in the key's current windows (hour/day are raised to at least the shorter window's value). */
  used?: { fiveMin?: number; hour?: number; day?: number };
};

export type SimShop = {
  id: number;
  cluster: SimCluster;
  name: string;
  mainDomain: string;
  languages: string[];
  productCount?: number;
  orderCount?: number;
  customerCount?: number;
};

/** Extension: an App Store app installed in shops. Basic auth = appKey : md5(token + appSecret). */
export type SimApp = {
  appId: number;
  appKey: string;
  appSecret: string;
  installs: { shopId: number; token: string; enabled?: boolean; permissions: SimGrants }[];
};

export type SimFixture = {
  shops: SimShop[];
  keys: SimKey[];
  denialStatus?: 401 | 403;
  disabledKeyStatus?: 401 | 403;
  /** How account/permissions.json answers; "unrecognised" returns some other JSON shape. */
  permissionsShape?: "contract" | "unrecognised";
  apps?: SimApp[];
};

/** status 0 = not answered yet, or the socket was dropped by a fault. */
export type LoggedRequest = {
  cluster: SimCluster;
  method: string;
  path: string;
  query: string;
  apiKey: string | null;
  status: number;
  at: number;
};

export type FaultMatch = { path?: string | RegExp; cluster?: SimCluster; apiKey?: string; method?: string };
export type RateLimitWindow = "fiveMin" | "hour" | "day";
export type Fault =
  | { kind: "status"; status: number; times?: number; match?: FaultMatch }
  | { kind: "delay"; ms: number; times?: number; match?: FaultMatch }
  | { kind: "non-json"; times?: number; match?: FaultMatch }
  | { kind: "rate-limit"; window: RateLimitWindow; times?: number; match?: FaultMatch }
  | { kind: "drop"; times?: number; match?: FaultMatch };

export type SimClock = { now(): number; advance(ms: number): void; set(ms: number): void };

export type Simulator = {
  eu1Url: string;
  us1Url: string;
  requestLog: LoggedRequest[];
  clearLog(): void;
  clock: SimClock;
  setDenialStatus(status: 401 | 403): void;
  setLatency(ms: number): void;
  injectFault(fault: Fault): void;
  clearFaults(): void;
  upsertKey(key: SimKey): void;
  removeKey(apiKey: string): void;
  /** Extension: switch how account/permissions.json answers. */
  setPermissionsShape(shape: "contract" | "unrecognised"): void;
  close(): Promise<void>;
};

export type StartSimulatorOptions = {
  fixture: SimFixture;
  host?: string;
  eu1Port?: number;
  us1Port?: number;
  clock?: "real" | "manual";
  startAt?: number;
};
