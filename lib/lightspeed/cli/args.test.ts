import { describe, expect, it } from "vitest";
import { parseCliArgs } from "./args";

const KEY = "0123456789abcdef0123456789ABCDEF";
const SECRET = "fedcba9876543210fedcba9876543210";

describe("parseCliArgs", () => {
  it("applies the documented defaults", () => {
    expect(parseCliArgs(["verify", "--key", KEY, "--secret", SECRET])).toEqual({
      kind: "run",
      options: { key: KEY, secret: SECRET, language: "en", timeoutMs: 10_000, maxWaitMs: 10_000, json: false },
    });
  });

  it("trims key and secret and reads every flag", () => {
    const parsed = parseCliArgs([
      "verify",
      "--key",
      ` ${KEY}\n`,
      "--secret",
      `\t${SECRET} `,
      "--cluster",
      "us1",
      "--language",
      "NL",
      "--timeout",
      "2.5",
      "--max-wait",
      "0",
      "--json",
    ]);
    expect(parsed).toEqual({
      kind: "run",
      options: { key: KEY, secret: SECRET, cluster: "us1", language: "nl", timeoutMs: 2500, maxWaitMs: 0, json: true },
    });
  });

  it.each([
    ["a missing key", ["verify", "--secret", SECRET], "--key is required"],
    ["a missing secret", ["verify", "--key", KEY], "--secret is required"],
    ["a short key", ["verify", "--key", "abc", "--secret", SECRET], "--key must be exactly 32 letters or digits"],
    [
      "a secret with a dash",
      ["verify", "--key", KEY, "--secret", `${SECRET.slice(1)}-`],
      "--secret must be exactly 32",
    ],
    [
      "an unknown cluster",
      ["verify", "--key", KEY, "--secret", SECRET, "--cluster", "au1"],
      "--cluster must be eu1 or us1",
    ],
    [
      "a bad language",
      ["verify", "--key", KEY, "--secret", SECRET, "--language", "../x"],
      "--language must be a two-letter",
    ],
    ["a zero timeout", ["verify", "--key", KEY, "--secret", SECRET, "--timeout", "0"], "--timeout must be between"],
    ["a negative max-wait", ["verify", "--key", KEY, "--secret", SECRET, "--max-wait", "-1"], "max-wait"],
    ["an unknown flag", ["verify", "--key", KEY, "--secret", SECRET, "--verbose"], "--verbose"],
    ["no command", ["--key", KEY, "--secret", SECRET], "verify"],
    ["another command", ["check", "--key", KEY, "--secret", SECRET], "verify"],
  ])("refuses %s", (_name, argv, message) => {
    const parsed = parseCliArgs(argv);
    expect(parsed.kind).toBe("usage_error");
    expect(parsed.kind === "usage_error" && parsed.message).toContain(message);
  });

  it("never echoes a rejected secret", () => {
    const leaked = "SECRETVALUE-that-is-not-valid-at-all";
    const parsed = parseCliArgs(["verify", "--key", KEY, "--secret", leaked]);
    expect(parsed.kind === "usage_error" && parsed.message).not.toContain(leaked);
  });
});
