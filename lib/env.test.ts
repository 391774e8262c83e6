import { describe, expect, it } from "vitest";
import { env, overrideEnv, parseEnv } from "./env";

describe("parseEnv", () => {
  it("names every missing or invalid variable in one message", () => {
    expect(() => parseEnv({ DATABASE_URL: "not a url", NEXTAUTH_SECRET: "short" })).toThrowError(
      /DATABASE_URL is invalid[\s\S]*NEXTAUTH_SECRET is invalid[\s\S]*SIGNUPS_API_TOKEN is missing[\s\S]*SECRETS_KEYRING is missing/,
    );
  });

  it("fills development defaults for local services", () => {
    const env = parseEnv({
      NEXTAUTH_SECRET: "x".repeat(32),
      SIGNUPS_API_TOKEN: "y".repeat(24),
      SECRETS_KEYRING: "v1:abc",
      SECRETS_ACTIVE_KEY: "v1",
    });
    expect(env.DATABASE_URL).toBe("postgres://actenzo_app@127.0.0.1:5432/actenzo");
    expect(env.REDIS_PREFIX).toBe("actenzo");
  });
});

describe("overrideEnv", () => {
  it("injects settings ahead of process.env without writing it, until restored", () => {
    const before = env.SMTP_URL;
    const restore = overrideEnv({ SMTP_URL: "smtp://127.0.0.1:2999" });
    try {
      expect(env.SMTP_URL).toBe("smtp://127.0.0.1:2999");
      expect(process.env.SMTP_URL).not.toBe("smtp://127.0.0.1:2999");
    } finally {
      restore();
    }
    expect(env.SMTP_URL).toBe(before);
  });
});
