import { execFile } from "node:child_process";
import { describe, expect, it } from "vitest";
import { grants, randomCredential, withSimulator } from "@/tests/helpers/simulator";

const lab = withSimulator();

type Run = { code: number; stdout: string; stderr: string };

/** Spawns the real command as an operator would, with a minimal environment: no DATABASE_URL, no server secrets. */
function cli(...args: string[]): Promise<Run> {
  const env = {
    NODE_ENV: "production" as const,
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "/tmp",
    LIGHTSPEED_EU1_URL: lab.sim.eu1Url,
    LIGHTSPEED_US1_URL: lab.sim.us1Url,
  };
  return new Promise((resolve) => {
    execFile(
      "npx",
      ["tsx", "lib/lightspeed/cli/main.ts", ...args],
      { env, cwd: process.cwd(), timeout: 30_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === "number" ? error.code : -1) : 0, stdout, stderr });
      },
    );
  });
}

describe("npm run lightspeed -- verify", () => {
  it("prints the documented JSON and exits 0 for a healthy key", async () => {
    const key = lab.addKey();
    const run = await cli("verify", "--key", key.key, "--secret", key.secret, "--json");
    expect(run).toMatchObject({ code: 0, stderr: "" });
    const output = JSON.parse(run.stdout);
    expect(Object.keys(output)).toEqual([
      "verdict",
      "cluster",
      "language",
      "accountId",
      "grants",
      "missing",
      "rateLimit",
      "requests",
    ]);
    expect(output).toMatchObject({
      verdict: "healthy",
      cluster: "eu1",
      language: "en",
      accountId: 1001,
      missing: [],
      requests: 8,
    });
    expect(output.grants.tracking).toEqual({ read: true, write: true });
    expect(output.rateLimit.remaining).toEqual([292, 2992, 11992]);
  });

  it("exits 1 and names the checkboxes to tick in the human summary", async () => {
    const key = lab.addKey({ permissions: grants({ orders: { write: false }, content: { read: false } }) });
    const run = await cli("verify", "--key", key.key, "--secret", key.secret, "--cluster", "eu1");
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("Content → Read");
    expect(run.stdout).toContain("Orders → Write");
    expect(run.stdout).not.toContain("Orders → Read");
  });

  it("exits 1 with invalid_credentials for a rejected pair", async () => {
    const key = lab.addKey();
    const run = await cli(
      "verify",
      "--key",
      ` ${key.key} `,
      "--secret",
      `${randomCredential()}\n`,
      "--json",
      "--timeout",
      "5",
      "--max-wait",
      "1",
    );
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({
      verdict: "invalid_credentials",
      cluster: null,
      accountId: null,
      rateLimit: null,
      requests: 2,
    });
  });

  it("trims a pasted key and secret before checking them", async () => {
    const key = lab.addKey();
    const run = await cli("verify", "--key", `  ${key.key}\t`, "--secret", ` ${key.secret} `, "--json");
    expect(run.code).toBe(0);
  });

  it.each([
    ["a missing secret", (k: string) => ["verify", "--key", k]],
    ["a missing key", (_k: string, s: string) => ["verify", "--secret", s]],
    ["a 31-character key", (k: string, s: string) => ["verify", "--key", k.slice(1), "--secret", s]],
    ["a secret with punctuation", (k: string, s: string) => ["verify", "--key", k, "--secret", `${s.slice(1)}-`]],
    ["an unknown cluster", (k: string, s: string) => ["verify", "--key", k, "--secret", s, "--cluster", "au1"]],
    ["a bad timeout", (k: string, s: string) => ["verify", "--key", k, "--secret", s, "--timeout", "soon"]],
    ["an unknown flag", (k: string, s: string) => ["verify", "--key", k, "--secret", s, "--force"]],
  ])("exits 2 on %s, says why on stderr and sends nothing", async (_name, argv) => {
    const key = lab.addKey();
    const before = lab.sim.requestLog.length;
    const run = await cli(...argv(key.key, key.secret), "--json");
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^lightspeed: .+\nUsage: /);
    expect(run.stderr).not.toContain(key.secret.slice(1));
    expect(lab.sim.requestLog.length).toBe(before);
  });
});
