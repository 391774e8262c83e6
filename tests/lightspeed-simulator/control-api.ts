import type { IncomingMessage } from "node:http";
import { z } from "zod";
import { readBody } from "./body";
import type { Reply } from "./envelope";
import { faultFromJson, simKeySchema } from "./schema";
import type { Simulator } from "./types";

/**
 * `/__sim/*`: lets another process (the demo, browser tests) drive a running simulator. Not part of
 * Lightspeed: no auth, no latency, not in the request log.
 */
const msBody = z.object({ ms: z.number().int().min(0) });
const signedMsBody = z.object({ ms: z.number().int() });
const statusBody = z.object({ status: z.union([z.literal(401), z.literal(403)]) });
const shapeBody = z.object({ shape: z.enum(["contract", "unrecognised"]) });

type Handler = (sim: Simulator, body: unknown, param: string) => Reply;
const ok = (extra: object = {}): Reply => ({ status: 200, body: { ok: true, ...extra } });

const routes: Record<string, Handler> = {
  "GET /__sim/health": (sim) => ok({ eu1Url: sim.eu1Url, us1Url: sim.us1Url, now: sim.clock.now() }),
  "POST /__sim/keys": (sim, body) => (sim.upsertKey(simKeySchema.parse(body)), ok()),
  "DELETE /__sim/keys/:": (sim, _b, apiKey) => (sim.removeKey(apiKey), { status: 204 }),
  "GET /__sim/requests": (sim) => ({ status: 200, body: { requests: sim.requestLog } }),
  "DELETE /__sim/requests": (sim) => (sim.clearLog(), { status: 204 }),
  "POST /__sim/faults": (sim, body) => (sim.injectFault(faultFromJson(body)), { status: 201, body: { ok: true } }),
  "DELETE /__sim/faults": (sim) => (sim.clearFaults(), { status: 204 }),
  "POST /__sim/denial-status": (sim, body) => (sim.setDenialStatus(statusBody.parse(body).status), ok()),
  "POST /__sim/latency": (sim, body) => (sim.setLatency(msBody.parse(body).ms), ok()),
  "POST /__sim/permissions-shape": (sim, body) => (sim.setPermissionsShape(shapeBody.parse(body).shape), ok()),
  "GET /__sim/clock": (sim) => ok({ now: sim.clock.now() }),
  "POST /__sim/clock/advance": (sim, body) => (
    sim.clock.advance(signedMsBody.parse(body).ms),
    ok({ now: sim.clock.now() })
  ),
  "POST /__sim/clock/set": (sim, body) => (sim.clock.set(msBody.parse(body).ms), ok({ now: sim.clock.now() })),
};

export async function handleControl(sim: Simulator, req: IncomingMessage, pathname: string): Promise<Reply> {
  const method = req.method ?? "GET";
  const keyMatch = /^\/__sim\/keys\/([^/]+)$/.exec(pathname);
  const handler = routes[keyMatch ? `${method} /__sim/keys/:` : `${method} ${pathname}`];
  if (!handler) return { status: 404, body: { error: `No control route ${method} ${pathname}` } };
  let body: unknown;
  if (method === "POST") {
    try {
      body = JSON.parse((await readBody(req)) ?? "");
    } catch {
      return { status: 400, body: { error: "Body must be JSON." } };
    }
  }
  try {
    return handler(sim, body, keyMatch ? decodeURIComponent(keyMatch[1]!) : "");
  } catch (error) {
    if (error instanceof z.ZodError)
      return { status: 400, body: { error: "Invalid body.", issues: z.flattenError(error) } };
    return { status: 400, body: { error: error instanceof Error ? error.message : String(error) } };
  }
}
