import { z } from "zod";
import type { Cluster } from "../clusters";

/**
 * The ways to steer the engine to another host: LIGHTSPEED_EU1_URL / LIGHTSPEED_US1_URL (demos
 * and child processes point them at the simulator), or `setBaseUrls()` for this process (the
 * test harness injects its simulator's URLs without touching process.env). Read at call time;
 * a malformed value fails loudly instead of sending a secret somewhere odd.
 */
export const DEFAULT_BASE_URLS: Record<Cluster, string> = {
  eu1: "https://api.webshopapp.com",
  us1: "https://api.shoplightspeed.com",
};

const ENV_NAMES: Record<Cluster, string> = { eu1: "LIGHTSPEED_EU1_URL", us1: "LIGHTSPEED_US1_URL" };

const baseUrl = z
  .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
  .refine((value) => {
    if (!URL.canParse(value)) return true; // already reported by z.url()
    const url = new URL(value);
    // Credentials, a query or a fragment in the base would end up in every request line.
    return !url.username && !url.password && !url.search && !url.hash;
  }, "must not carry credentials, a query or a fragment")
  .transform((value) => value.replace(/\/+$/, ""));

/** The setting as lib/env.ts checks it at start-up: unset or blank means the real host. */
export const baseUrlSetting = z
  .string()
  .optional()
  .refine(
    (value) => !value?.trim() || baseUrl.safeParse(value.trim()).success,
    "must be an http(s) URL without credentials, a query or a fragment",
  );

export class BaseUrlError extends Error {
  constructor(name: string, reason: string) {
    super(`${name} is invalid: ${reason}`);
    this.name = "BaseUrlError";
  }
}

// Every request asks; the env value rarely changes, so each distinct value is parsed once.
const parsedValues = new Map<string, string>();

let injected: Partial<Record<Cluster, string>> = {};

/** Base URLs for this process, ahead of the environment; `{}` goes back to LIGHTSPEED_*_URL. */
export function setBaseUrls(urls: Partial<Record<Cluster, string>>): void {
  injected = { ...urls };
}

export function baseUrlFor(cluster: Cluster, source: Record<string, string | undefined> = process.env): string {
  const name = ENV_NAMES[cluster];
  const raw = (injected[cluster] ?? source[name])?.trim();
  if (!raw) return DEFAULT_BASE_URLS[cluster];
  const known = parsedValues.get(raw);
  if (known) return known;
  const parsed = baseUrl.safeParse(raw);
  if (!parsed.success) throw new BaseUrlError(name, parsed.error.issues[0]?.message ?? "not a URL");
  parsedValues.set(raw, parsed.data);
  return parsed.data;
}
