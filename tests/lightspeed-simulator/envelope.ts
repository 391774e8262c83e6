import { STATUS_CODES } from "node:http";

/** What a handler answers; the server adds latency and writes it. */
export type Reply = {
  status: number;
  headers?: Record<string, string>;
  /** JSON-serialised unless `raw` is set. Absent for 204. */
  body?: unknown;
  raw?: { contentType: string; text: string };
  /** Destroy the socket instead of answering (network error). */
  drop?: boolean;
};

/** Request facts every envelope needs: absolute links use the request's own host and language. */
export type RequestContext = { method: string; path: string; host: string; lang: string; now: number };

export const INVALID_DATA = "Invalid data input.";

export function errorReply(status: number, ctx: Pick<RequestContext, "method" | "path">, message?: string): Reply {
  return {
    status,
    body: {
      error: {
        code: status,
        method: ctx.method,
        request: ctx.path,
        message: message ?? `${STATUS_CODES[status] ?? "Error"}.`,
      },
    },
  };
}

export function jsonReply(status: number, body: unknown): Reply {
  return { status, body };
}

/** Lightspeed's timestamps: ISO-8601, second precision, explicit `+00:00` offset. */
export function isoTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "+00:00");
}

/** A link object; `id: false` marks a sub-collection. */
export function link(ctx: Pick<RequestContext, "host" | "lang">, url: string, id: number | false, embedded?: unknown) {
  const [path = url, query] = url.split("?");
  const href = `http://${ctx.host}/${ctx.lang}/${path}.json${query ? `?${query}` : ""}`;
  return { resource: { id, url, link: href, ...(embedded === undefined ? {} : { embedded }) } };
}
