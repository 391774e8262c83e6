import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { startSimulator, type SimFixture } from "@/tests/lightspeed-simulator";

/** What a bench needs of its simulator, wherever it runs. */
export type BenchSimulator = {
  eu1Url: string;
  us1Url: string;
  logSize(): Promise<number>;
  clearLog(): Promise<void>;
  close(): Promise<void>;
};
type Command = "count" | "clear" | "close";

/**
 * Starts the simulator for a bench, in-process: on a worker thread by default, so its event loop
 * gets its own core instead of competing with the client under test (`thread: "main"` keeps it
 * on the caller's loop, to compare).
 */
export async function startBenchSimulator(
  fixture: SimFixture,
  latency: number,
  thread: "worker" | "main" = "worker",
): Promise<BenchSimulator> {
  return thread === "worker" ? onWorkerThread(fixture, latency) : onMainThread(fixture, latency);
}

async function onMainThread(fixture: SimFixture, latency: number): Promise<BenchSimulator> {
  const sim = await startSimulator({ fixture });
  sim.setLatency(latency);
  return {
    eu1Url: sim.eu1Url,
    us1Url: sim.us1Url,
    logSize: async () => sim.requestLog.length,
    clearLog: async () => sim.clearLog(),
    close: () => sim.close(),
  };
}

async function onWorkerThread(fixture: SimFixture, latency: number): Promise<BenchSimulator> {
  // tsx's loader does not reach worker threads by itself: register it there, then load this file.
  const bootstrap = `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })`;
  const worker = new Worker(bootstrap, { eval: true, workerData: { benchSimulator: { fixture, latency } } });
  const nextMessage = <T>() =>
    new Promise<T>((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
    });
  const urls = await nextMessage<{ eu1Url: string; us1Url: string }>();
  const ask = async (command: Command) => {
    const answer = nextMessage<number>();
    worker.postMessage(command);
    return answer;
  };
  return {
    ...urls,
    logSize: () => ask("count"),
    clearLog: async () => void (await ask("clear")),
    close: async () => {
      await ask("close");
      await worker.terminate();
    },
  };
}

/** The worker side: start the simulator, report its URLs, answer commands with the log size. */
async function serveSimulator({ fixture, latency }: { fixture: SimFixture; latency: number }) {
  const sim = await startSimulator({ fixture });
  sim.setLatency(latency);
  parentPort!.on("message", async (command: Command) => {
    if (command === "clear") sim.clearLog();
    if (command === "close") await sim.close();
    parentPort!.postMessage(sim.requestLog.length);
    if (command === "close") parentPort!.close();
  });
  parentPort!.postMessage({ eu1Url: sim.eu1Url, us1Url: sim.us1Url });
}

const threadData = (workerData as { benchSimulator?: { fixture: SimFixture; latency: number } } | null)?.benchSimulator;
if (!isMainThread && threadData) await serveSimulator(threadData);
