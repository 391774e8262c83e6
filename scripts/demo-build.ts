import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Whether `npm run demo` must run `next build` first: only when the sources that go into the
 * build changed since the last build it made (or there is no build). The hash of those sources
 * is kept beside the build in `.next/`, so `next build` wiping `.next` also forgets it.
 */
const SOURCE_DIRS = ["app", "components", "lib", "db", "jobs", "public"];
const SOURCE_FILES = [
  "package-lock.json",
  "next.config.ts",
  "tsconfig.json",
  "postcss.config.mjs",
  "proxy.ts",
  "components.json",
];
const SKIP = /(^|\/)(node_modules|\.next)(\/|$)|\.test\.tsx?$/;

function* files(dir: string): Generator<string> {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (SKIP.test(full)) continue;
    if (entry.isDirectory()) yield* files(full);
    else if (entry.isFile()) yield full;
  }
}

/** A hash of every file the production build reads, by path and content. */
export function sourceHash(root: string): string {
  const hash = createHash("sha256");
  const paths = [
    ...SOURCE_DIRS.flatMap((d) => [...files(path.join(root, d))]),
    ...SOURCE_FILES.map((f) => path.join(root, f)).filter((f) => existsSync(f) && statSync(f).isFile()),
  ];
  for (const file of paths) hash.update(path.relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
  return hash.digest("hex");
}

const stampPath = (root: string) => path.join(root, ".next", "demo-source-hash");

/** Null when the last build is current; otherwise why a build is needed. */
export function buildNeeded(root: string, hash: string): string | null {
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) return "no production build yet";
  if (!existsSync(stampPath(root))) return "the build was not made by the demo (or is older than this check)";
  return readFileSync(stampPath(root), "utf8").trim() === hash ? null : "sources changed since the last build";
}

export function recordBuild(root: string, hash: string): void {
  writeFileSync(stampPath(root), `${hash}\n`);
}
