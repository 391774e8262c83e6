import path from "node:path";
import {
  loadFixture,
  makeKey,
  startSimulator,
  type SimKey,
  type Simulator,
  type StartSimulatorOptions,
} from "@/tests/lightspeed-simulator";

/** 2026-03-02T10:00:00Z: a fixed start so window resets are exact numbers. */
export const START_AT = Date.UTC(2026, 2, 2, 10, 0, 0);
export const DEMO_FIXTURE = path.resolve(import.meta.dirname, "../../lightspeed-simulator/fixtures/demo.json");

export const DEMO = {
  full: { key: "demoeu1fullkey000000000000000000", secret: "demoeu1fullsecret000000000000000" },
  readOnly: { key: "demoeu1readonlykey00000000000000", secret: "demoeu1readonlysecret00000000000" },
  productsOnly: { key: "demoeu1productsonlykey0000000000", secret: "demoeu1productsonlysecret0000000" },
  disabled: { key: "demoeu1disabledkey00000000000000", secret: "demoeu1disabledsecret00000000000" },
  nearlyExhausted: { key: "demoeu1nearlyexhaustedkey0000000", secret: "demoeu1nearlyexhaustedsecret0000" },
  us1Full: { key: "demous1fullkey000000000000000000", secret: "demous1fullsecret000000000000000" },
  us1OnlyUs: { key: "demous1onlyuskey0000000000000000", secret: "demous1onlyussecret0000000000000" },
};

/** The demo fixture on a manual clock, on random ports. */
export async function startDemo(overrides: Partial<StartSimulatorOptions> = {}): Promise<Simulator> {
  return startSimulator({ fixture: await loadFixture(DEMO_FIXTURE), clock: "manual", startAt: START_AT, ...overrides });
}

let seed = 0;
/** A fresh key on the demo's eu1 shop, registered in `sim`: its own quota, untouched by other tests. */
export function freshKey(sim: Simulator, overrides: Partial<SimKey> = {}): SimKey {
  const key = makeKey(`${process.pid}-${Date.now()}-${seed++}`, overrides);
  sim.upsertKey(key);
  return key;
}

type Credentials = { key: string; secret: string };
type CallOptions = {
  method?: string;
  body?: unknown;
  form?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
};

export function basic(credentials: Credentials) {
  return `Basic ${Buffer.from(`${credentials.key}:${credentials.secret}`).toString("base64")}`;
}

/** One call to the simulator with Basic auth; returns status, headers and the parsed body (or raw text). */
export async function call(baseUrl: string, path: string, credentials: Credentials | null, options: CallOptions = {}) {
  const headers: Record<string, string> = { ...options.headers };
  if (credentials) headers.Authorization = basic(credentials);
  let body: string | undefined;
  if (options.form !== undefined) {
    headers["Content-Type"] = "application/x-www-form-urlencoded";
    body = options.form;
  } else if (options.body !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(options.body);
  }
  const res = await fetch(`${baseUrl}${path}`, {
    method: options.method ?? "GET",
    headers,
    body,
    signal: options.signal,
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary envelope fields
  return { status: res.status, headers: res.headers, text, json: json as any };
}

export function rateHeaders(headers: Headers) {
  return {
    limit: headers.get("x-ratelimit-limit"),
    remaining: headers.get("x-ratelimit-remaining"),
    reset: headers.get("x-ratelimit-reset"),
  };
}
