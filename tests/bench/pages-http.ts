import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";

/** One timed page view: time to the last byte of the HTML, and its size. */
export type Sample = { ms: number; bytes: number };

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** Loopback only: the bench never sends its session cookies anywhere else. */
function assertLoopback(url: string) {
  const host = new URL(url).hostname;
  if (host !== "127.0.0.1" && host !== "localhost") throw new Error(`refusing to benchmark ${host}`);
}

export async function fetchPage(url: string, cookie: string): Promise<Sample> {
  assertLoopback(url);
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie }, redirect: "manual" });
  const body = await response.arrayBuffer();
  const ms = performance.now() - started;
  if (response.status !== 200)
    throw new Error(`${url} answered ${response.status} ${response.headers.get("location") ?? ""}`);
  return { ms, bytes: body.byteLength };
}

/** Where a page redirects to (the queue spells its defaults out in the URL), or the URL itself. */
export async function canonicalUrl(url: string, cookie: string): Promise<string> {
  assertLoopback(url);
  const response = await fetch(url, { headers: { cookie }, redirect: "manual" });
  await response.arrayBuffer();
  const location = response.headers.get("location");
  if (response.status >= 300 && response.status < 400 && location) return new URL(location, url).toString();
  return url;
}

/** `runs` requests one after the other, after `warmup` untimed ones. */
export async function sequential(url: string, cookie: string, runs: number, warmup: number) {
  for (let i = 0; i < warmup; i++) await fetchPage(url, cookie);
  const samples: Sample[] = [];
  for (let i = 0; i < runs; i++) samples.push(await fetchPage(url, cookie));
  return samples;
}

/**
 * `users.length` signed-in users, each requesting its own URL back to back, until `total`
 * requests are done. Returns the samples and the throughput over the wall-clock time.
 */
export async function concurrent(users: { url: string; cookie: string }[], total: number) {
  const samples: Sample[] = [];
  let issued = 0;
  const started = performance.now();
  await Promise.all(
    users.map(async (user) => {
      while (issued < total) {
        issued++;
        samples.push(await fetchPage(user.url, user.cookie));
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { samples, perSecond: samples.length / seconds };
}

/** How much of a page's HTML is the RSC payload (the `self.__next_f.push` scripts), in bytes. */
export async function rscPayloadBytes(url: string, cookie: string, saveAs?: string): Promise<number> {
  assertLoopback(url);
  const html = await (await fetch(url, { headers: { cookie }, redirect: "manual" })).text();
  if (saveAs) {
    mkdirSync(path.dirname(saveAs), { recursive: true });
    writeFileSync(saveAs, html);
  }
  let bytes = 0;
  for (const match of html.matchAll(/<script[^>]*>self\.__next_f\.push\(.*?\)<\/script>/gs))
    bytes += Buffer.byteLength(match[0]);
  return bytes;
}
