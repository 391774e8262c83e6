import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setLogSink } from "@/lib/logger";
import { lightspeedGet } from "@/lib/lightspeed/client/request";
import { LightspeedError } from "@/lib/lightspeed/client/errors";
import { checkHealth } from "@/lib/lightspeed/check-health";
import { verify } from "@/lib/lightspeed/verify";
import type { Fault } from "@/tests/lightspeed-simulator";
import { randomCredential, withSimulator } from "@/tests/helpers/simulator";

const lab = withSimulator();
let lines: string[] = [];
let restore: () => void;
beforeEach(() => {
  lines = [];
  restore = setLogSink((line) => void lines.push(line));
});
afterEach(() => restore());

/** Every string a thrown object exposes: message, stack, own properties (enumerable or not), JSON. */
function exposedText(error: unknown): string {
  if (typeof error !== "object" || error === null) return String(error);
  const props = Object.getOwnPropertyNames(error).map((name) => String((error as Record<string, unknown>)[name]));
  return [String(error), JSON.stringify(error), ...props].join("\n");
}

const forms = (secret: string, key: string) => [secret, Buffer.from(`${key}:${secret}`).toString("base64")];

const FAULTS: [string, Fault | null][] = [
  ["a healthy run", null],
  ["a 503", { kind: "status", status: 503 }],
  ["a dropped socket", { kind: "drop" }],
  ["a timeout", { kind: "delay", ms: 400 }],
  ["an HTML 200", { kind: "non-json" }],
  ["a long 429", { kind: "rate-limit", window: "day" }],
  ["a 403", { kind: "status", status: 403 }],
];

describe("the secret never leaves the request function", () => {
  it.each(FAULTS)("not in any log line (all levels) or error after %s", async (_name, fault) => {
    const key = lab.addKey();
    if (fault) lab.sim.injectFault({ ...fault, match: { apiKey: key.key } });
    const context = {
      cluster: "eu1" as const,
      language: "en",
      key: key.key,
      secret: key.secret,
      timeoutMs: 200,
      maxWaitMs: 0,
      tally: { requests: 0, rateLimit: null },
    };
    const thrown = await lightspeedGet(context, "account").then(
      () => null,
      (error: unknown) => error,
    );
    if (fault) expect(thrown).toBeInstanceOf(LightspeedError);
    await verify({ key: key.key, secret: key.secret, timeoutMs: 200 });
    await checkHealth({ key: key.key, secret: key.secret, cluster: "eu1", timeoutMs: 200 });
    expect(lines.length).toBeGreaterThan(0); // the capture works: debug lines were written
    const text = [...lines, exposedText(thrown)].join("\n");
    for (const form of forms(key.secret, key.key)) expect(text).not.toContain(form);
  });

  it("does not echo a rejected secret in the validation error", async () => {
    const secret = `${randomCredential()}xyz`;
    const error = await verify({ key: randomCredential(), secret }).catch((e: unknown) => e);
    expect(exposedText(error)).not.toContain(secret);
    expect(exposedText(error)).toContain("secret");
  });
});
