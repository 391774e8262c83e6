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

  describe("company sign-in", () => {
    const base = {
      NEXTAUTH_SECRET: "x".repeat(32),
      SIGNUPS_API_TOKEN: "y".repeat(24),
      SECRETS_KEYRING: "v1:abc",
      SECRETS_ACTIVE_KEY: "v1",
    };

    it("is off by default, passwords on", () => {
      const env = parseEnv(base);
      expect(env.OIDC_ISSUER).toBeUndefined();
      expect(env.PASSWORD_SIGN_IN).toBe("on");
      expect(env.OIDC_GROUP_ROLES).toEqual([]);
    });

    it("with an issuer, needs the client and the allowed domains; parses the lists", () => {
      expect(() => parseEnv({ ...base, OIDC_ISSUER: "https://idp.example" })).toThrowError(
        /OIDC_CLIENT_ID is missing[\s\S]*OIDC_CLIENT_SECRET is missing[\s\S]*OIDC_ALLOWED_DOMAINS/,
      );
      const env = parseEnv({
        ...base,
        OIDC_ISSUER: "https://idp.example",
        OIDC_CLIENT_ID: "console",
        OIDC_CLIENT_SECRET: "s3cret",
        OIDC_ALLOWED_DOMAINS: " Actenzo.com, @actenzo.nl ",
        OIDC_GROUP_ROLES: "ops-leads=lead, ops-admins=admin",
        PASSWORD_SIGN_IN: "off",
      });
      expect(env.OIDC_ALLOWED_DOMAINS).toEqual(["actenzo.com", "actenzo.nl"]);
      expect(env.OIDC_GROUP_ROLES).toEqual([
        { group: "ops-leads", role: "lead" },
        { group: "ops-admins", role: "admin" },
      ]);
    });

    it("refuses a group mapping to an unknown role, and passwords off without company sign-in", () => {
      expect(() => parseEnv({ ...base, OIDC_GROUP_ROLES: "ops=boss" })).toThrowError(/OIDC_GROUP_ROLES is invalid/);
      expect(() => parseEnv({ ...base, PASSWORD_SIGN_IN: "off" })).toThrowError(
        /PASSWORD_SIGN_IN is invalid: can be off only with OIDC_ISSUER set/,
      );
    });
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
