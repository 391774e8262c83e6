/**
 * `tsx --import ./scripts/allow-server-only.mjs <entry>`: lets Node entry points (the worker, CLIs,
 * the demo, benches) load modules marked `import "server-only"` (db/client.ts, lib/crypto/).
 * The `server-only` package throws unless resolved under the `react-server` condition, which only
 * Next's server bundles use; this hook resolves that one package with the condition and leaves
 * every other import alone (a global --conditions=react-server would swap React and Next for
 * their server builds and break them). Vitest does the same with an alias (vitest.config.ts).
 */
import { register } from "node:module";

const hook = `export async function resolve(specifier, context, nextResolve) {
  if (specifier !== "server-only") return nextResolve(specifier, context);
  return nextResolve(specifier, { ...context, conditions: [...context.conditions, "react-server"] });
}`;

register(`data:text/javascript,${encodeURIComponent(hook)}`);
