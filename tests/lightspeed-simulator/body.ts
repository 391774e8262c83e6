import type { IncomingMessage } from "node:http";

const MAX_BODY_BYTES = 1_000_000;

export async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** `webhook[isActive]=true&webhook[address]=…` → `{ webhook: { isActive: true, address: "…" } }`. */
export function parseFormBrackets(text: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [name, raw] of new URLSearchParams(text)) {
    const parts = name.replace(/\]/g, "").split("[");
    if (parts.some((part) => part === "__proto__" || part === "constructor" || part === "prototype")) continue;
    let node = root;
    parts.forEach((part, i) => {
      if (i === parts.length - 1) node[part] = raw === "true" ? true : raw === "false" ? false : raw;
      else
        node = (node[part] = typeof node[part] === "object" && node[part] !== null ? node[part] : {}) as Record<
          string,
          unknown
        >;
    });
  }
  return root;
}

/**
 * The wrapped object of a write body (`{"product": {...}}` → `{...}`), from JSON or form bracket
 * notation; null when the body is unreadable or not wrapped in `root` (→ 400 "Invalid data input.").
 */
export function unwrapBody(
  text: string | null,
  contentType: string | undefined,
  root: string,
): Record<string, unknown> | null {
  if (text === null || text.trim() === "") return null;
  let parsed: unknown;
  if ((contentType ?? "").includes("application/x-www-form-urlencoded")) parsed = parseFormBrackets(text);
  else {
    try {
      parsed = JSON.parse(text);
    } catch {
      return null;
    }
  }
  const inner = (parsed as Record<string, unknown> | null)?.[root];
  return typeof inner === "object" && inner !== null && !Array.isArray(inner)
    ? (inner as Record<string, unknown>)
    : null;
}
