import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { call, DEMO } from "./helpers";

const ROOT = path.resolve(import.meta.dirname, "../../..");

/**
 * `npm run simulator` is `tsx main.ts`; here node runs it with tsx's loader directly, so SIGTERM
 * reaches main.ts itself rather than racing through the tsx CLI's signal relay on a loaded machine.
 */
function run(args: string[]) {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/lightspeed-simulator/main.ts", ...args], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

describe("npm run simulator (main.ts)", () => {
  it("serves the demo fixture, prints both URLs and stops on SIGTERM", async () => {
    const sim = run(["--eu1-port", "0", "--us1-port", "0"]);
    let urls: RegExpMatchArray[] = [];
    for (let i = 0; i < 200 && urls.length < 2; i++) {
      await new Promise((r) => setTimeout(r, 50));
      urls = [...sim.output().stdout.matchAll(/(eu1|us1): (http:\/\/127\.0\.0\.1:\d+)/g)];
    }
    expect(urls.map((m) => m[1])).toEqual(["eu1", "us1"]);
    const [eu1Url, us1Url] = urls.map((m) => m[2]!);
    expect((await call(eu1Url!, "/en/account.json", DEMO.full)).json.account.id).toBe(1001);
    expect((await call(us1Url!, "/us/account.json", DEMO.us1Full)).json.account.id).toBe(2001);
    sim.child.kill("SIGTERM");
    expect(await sim.exited).toBe(0);
  });

  it("exits 2 on invalid flags", async () => {
    const sim = run(["--clock", "sideways"]);
    expect(await sim.exited).toBe(2);
    expect(sim.output().stderr).toMatch(/clock/);
  });
});
