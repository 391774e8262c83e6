/**
 * The direction of dependencies (ARCHITECTURE.md), as `import/no-restricted-paths` zones:
 *   app, jobs → lib → db → db/vocabulary;   scripts and tests may import anything.
 * db/vocabulary holds plain tuples and no database access, so the engine and the UI may use it too.
 * tests/integration/guardrails/boundaries.test.ts lints a wrong import against each zone.
 */
import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import path from "node:path";

const ROOT = import.meta.dirname;
const ABOVE_DB = ["./lib", "./jobs", "./app", "./components", "./scripts", "./tests"];

/** Runtime imports of a file (`import type` statements are erased and do not count). */
function runtimeImports(file) {
  const source = readFileSync(file, "utf8");
  const specifiers = [];
  const statement =
    /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;
  for (const match of source.matchAll(statement)) {
    if (match[4]) specifiers.push(match[4]);
    else if (!match[2]) specifiers.push(match[3]);
  }
  return specifiers;
}

function resolveFile(from, specifier) {
  let base;
  if (specifier.startsWith("@/")) base = path.join(ROOT, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(from), specifier);
  else return undefined;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** lib/ modules whose runtime imports reach db/client.ts: data modules, which shared UI must not import. */
export function libDataModules() {
  const dbClient = path.join(ROOT, "db/client.ts");
  const reaches = new Map();
  const visit = (file, seen) => {
    if (file === dbClient) return true;
    if (reaches.has(file)) return reaches.get(file);
    if (seen.has(file)) return false;
    seen.add(file);
    const result = runtimeImports(file).some((specifier) => {
      const target = resolveFile(file, specifier);
      return target !== undefined && visit(target, seen);
    });
    reaches.set(file, result);
    return result;
  };
  return listFiles(path.join(ROOT, "lib"))
    .filter((file) => visit(file, new Set()))
    .map((file) => `./${path.relative(ROOT, file)}`);
}

export const boundaries = {
  files: ["**/*.{ts,tsx,mts,mjs}"],
  rules: {
    "import/no-restricted-paths": [
      "error",
      {
        zones: [
          {
            target: "./lib",
            from: "./jobs",
            message: "lib/ never imports jobs/: queue names, job options and payloads live in lib/jobs/.",
          },
          {
            target: "./db",
            from: ABOVE_DB,
            message: "db/ imports nothing above it; vocabularies shared with lib/ live in db/vocabulary/.",
          },
          {
            target: "./db/vocabulary",
            from: ["./db", ...ABOVE_DB],
            except: ["./vocabulary"],
            message: "db/vocabulary/ is the bottom layer: plain tuples and types, no project imports.",
          },
          {
            target: "./lib/lightspeed",
            from: "./db",
            except: ["./vocabulary"],
            message:
              "The Lightspeed engine never touches the database; lib/verification and lib/key-health record its results.",
          },
          {
            target: "./components",
            from: ["./db", "./jobs", ...libDataModules()],
            except: ["./vocabulary"],
            message:
              "Shared UI components take data as props; a module that reaches db/client belongs to a page or server component in app/.",
          },
        ],
      },
    ],
  },
};
