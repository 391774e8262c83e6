import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Registry } from "./auth";
import { createClock } from "./clock";
import { handleControl } from "./control-api";
import { DataStore } from "./data/store";
import { errorReply, type Reply } from "./envelope";
import { FaultList } from "./faults";
import { handleApi, type SimState } from "./handler";
import { burstSecondOf, RateLimiter } from "./rate-limiter";
import { fixtureSchema, simKeySchema } from "./schema";
import type { LoggedRequest, SimCluster, SimKey, Simulator, StartSimulatorOptions } from "./types";

/** Starts one listening port per cluster over one shared state (keys, quota, data, faults, log). */
export async function startSimulator(options: StartSimulatorOptions): Promise<Simulator> {
  const fixture = fixtureSchema.parse(options.fixture);
  const clockMode = options.clock ?? "real";
  const clock = createClock(clockMode, options.startAt);
  const registry = new Registry(fixture.shops, [], fixture.apps);
  const timers = new Set<NodeJS.Timeout>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });
  const state: SimState = {
    registry,
    limiter: new RateLimiter(clock.now, burstSecondOf(clockMode, clock.now)),
    store: new DataStore(),
    faults: new FaultList(),
    clock,
    denialStatus: fixture.denialStatus ?? 403,
    disabledKeyStatus: fixture.disabledKeyStatus ?? 401,
    permissionsShape: fixture.permissionsShape ?? "contract",
    sleep,
  };
  const requestLog: LoggedRequest[] = [];
  let latencyMs = 0;

  const upsertKey = (input: SimKey) => {
    const key = simKeySchema.parse(input);
    if (!registry.shops.has(key.shopId)) throw new Error(`Key ${key.key}: no shop ${key.shopId} in the fixture`);
    registry.upsertKey(key);
    // Replacing a key (permission drift, disabling) keeps its quota unless `used` says otherwise.
    if (key.used) state.limiter.seed(key.key, key.used);
  };
  for (const key of fixture.keys) upsertKey(key);

  const host = options.host ?? "127.0.0.1";
  const servers: Server[] = [];
  const sim = {} as Simulator;

  async function onRequest(cluster: SimCluster, req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://simulator.invalid");
    if (url.pathname.startsWith("/__sim/")) return write(res, await handleControl(sim, req, url.pathname));
    const entry: LoggedRequest = {
      cluster,
      method: req.method ?? "GET",
      path: url.pathname,
      query: url.search.slice(1),
      apiKey: null,
      status: 0,
      at: clock.now(),
    };
    requestLog.push(entry);
    let reply: Reply;
    try {
      reply = await handleApi(state, req, cluster, url, entry);
    } catch (error) {
      // A simulator bug must be loud: tests fail on console.error.
      console.error("lightspeed-simulator: request failed", error);
      reply = errorReply(500, { method: entry.method, path: entry.path });
    }
    if (latencyMs > 0) await sleep(latencyMs);
    if (reply.drop) return void req.socket.destroy();
    entry.status = reply.status;
    write(res, reply);
  }

  for (const cluster of ["eu1", "us1"] as const) {
    const server = createServer({ keepAliveTimeout: 10_000 }, (req, res) => void onRequest(cluster, req, res));
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(cluster === "eu1" ? (options.eu1Port ?? 0) : (options.us1Port ?? 0), host, () => resolve());
    });
    servers.push(server);
  }
  const urlOf = (server: Server) => {
    const { port } = server.address() as AddressInfo;
    return `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  };

  Object.assign(sim, {
    eu1Url: urlOf(servers[0]!),
    us1Url: urlOf(servers[1]!),
    requestLog,
    clearLog: () => void (requestLog.length = 0),
    clock,
    setDenialStatus: (status: 401 | 403) => void (state.denialStatus = status),
    setLatency: (ms: number) => void (latencyMs = Math.max(0, ms)),
    injectFault: (fault) => state.faults.add(fault),
    clearFaults: () => state.faults.clear(),
    upsertKey,
    removeKey: (apiKey: string) => {
      registry.removeKey(apiKey);
      state.limiter.forget(apiKey);
    },
    setPermissionsShape: (shape) => void (state.permissionsShape = shape),
    close: async () => {
      // Requests still waiting on a delay or latency are abandoned with their sockets.
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.all(servers.map(closeServer));
    },
  } satisfies Simulator);
  return sim;
}

function write(res: ServerResponse, reply: Reply) {
  if (res.destroyed) return;
  const headers: Record<string, string> = { ...reply.headers };
  let text = "";
  if (reply.raw) {
    headers["Content-Type"] = reply.raw.contentType;
    text = reply.raw.text;
  } else if (reply.body !== undefined) {
    headers["Content-Type"] = "application/json; charset=utf-8";
    text = JSON.stringify(reply.body);
  }
  res.writeHead(reply.status, headers);
  res.end(text);
}

function closeServer(server: Server) {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
