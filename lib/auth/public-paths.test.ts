import { describe, expect, it } from "vitest";
import { isPublicPath } from "./public-paths";

describe("isPublicPath", () => {
  it.each([
    "/login",
    "/api/auth/callback/credentials",
    "/api/signups",
    "/api/health",
    "/connect/abc123",
    "/invite/tok",
    "/forbidden",
    "/_next/static/chunk.js",
    "/favicon.ico",
  ])("lets %s through without a session", (path) => expect(isPublicPath(path)).toBe(true));

  it.each([
    "/",
    "/queue",
    "/merchants/1",
    "/admin/staff",
    "/api/exports/queue.csv",
    "/connected",
    "/login-as-admin",
    "/api/signupsx",
  ])("requires a session for %s", (path) => expect(isPublicPath(path)).toBe(false));
});
