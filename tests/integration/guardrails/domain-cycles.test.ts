import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * The domains in lib/ import each other one way only: a cycle between two folders (verification
 * ↔ key health, auth ↔ staff, …) means neither can be understood, tested or moved without the
 * other. This walks every non-test module under lib/, resolves its imports (the `@/` alias and
 * relative paths, type-only imports too), folds files into their domain (`lib/<folder>/…`, or the
 * file name for `lib/<file>.ts`) and fails naming each cycle with one import per arrow. Plain file
 * reads and TypeScript's pre-processor: well under a second.
 */
const ROOT = process.cwd();
const LIB = path.join(ROOT, "lib");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith(".d.ts") ? [file] : [];
  });
}

function resolveImport(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/")
    ? path.join(ROOT, specifier.slice(2))
    : specifier.startsWith(".")
      ? path.resolve(path.dirname(from), specifier)
      : null;
  if (!base) return null;
  const candidates = [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")];
  return candidates.find((file) => existsSync(file) && statSync(file).isFile()) ?? null;
}

function domainOf(file: string): string | null {
  const relative = path.relative(LIB, file);
  if (relative.startsWith("..")) return null;
  const [first, ...rest] = relative.split(path.sep);
  return rest.length > 0 ? first! : first!.replace(/\.tsx?$/, "");
}

/** Domain → domain → one example import ("lib/a/x.ts → lib/b/y.ts"). */
export type DomainGraph = Map<string, Map<string, string>>;

function libGraph(): DomainGraph {
  const graph: DomainGraph = new Map();
  for (const file of sourceFiles(LIB)) {
    const from = domainOf(file)!;
    const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    for (const { fileName } of importedFiles) {
      const target = resolveImport(file, fileName);
      const to = target && domainOf(target);
      if (!to || to === from) continue;
      const edges = graph.get(from) ?? new Map<string, string>();
      if (!edges.has(to)) edges.set(to, `${path.relative(ROOT, file)} → ${path.relative(ROOT, target)}`);
      graph.set(from, edges);
    }
  }
  return graph;
}

/** Strongly connected groups of more than one domain (Tarjan), each described arrow by arrow. */
export function domainCycles(graph: DomainGraph): string[] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      group.push(w);
    } while (w !== v);
    if (group.length < 2) return;
    const arrows = group.flatMap((a) =>
      [...(graph.get(a) ?? [])].filter(([b]) => group.includes(b)).map(([b, example]) => `  ${a} → ${b} (${example})`),
    );
    found.push([`cycle among ${group.sort().join(", ")}:`, ...arrows.sort()].join("\n"));
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe("lib/ domains import each other one way", () => {
  it("finds no cycle among the domains of lib/", () => {
    const graph = libGraph();
    expect(graph.size).toBeGreaterThan(10);
    expect(domainCycles(graph).join("\n")).toBe("");
  });

  it("would name a cycle if one came back", () => {
    const graph: DomainGraph = new Map([
      ["verification", new Map([["key-health", "lib/verification/a.ts → lib/key-health/b.ts"]])],
      ["key-health", new Map([["verification", "lib/key-health/b.ts → lib/verification/c.ts"]])],
      ["credentials", new Map([["key-checks", "lib/credentials/d.ts → lib/key-checks/e.ts"]])],
    ]);
    expect(domainCycles(graph)).toEqual([
      "cycle among key-health, verification:\n" +
        "  key-health → verification (lib/key-health/b.ts → lib/verification/c.ts)\n" +
        "  verification → key-health (lib/verification/a.ts → lib/key-health/b.ts)",
    ]);
  });
});
