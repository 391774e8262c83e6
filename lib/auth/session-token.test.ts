import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { decodeSessionToken } from "./session-token";

const secret = "session-token-test-secret-0123456789abcdef";

describe("decodeSessionToken", () => {
  afterEach(() => vi.useRealTimers());

  it("decodes a session token, and the same token again from memory", async () => {
    const token = await encode({ token: { sub: "a", sessionVersion: 3 }, secret });
    expect(await decodeSessionToken({ token, secret })).toMatchObject({ sub: "a", sessionVersion: 3 });
    expect(await decodeSessionToken({ token, secret })).toMatchObject({ sub: "a", sessionVersion: 3 });
  });

  it("refuses an expired token, a tampered one and one sealed with another secret", async () => {
    const expired = await encode({ token: { sub: "b" }, secret, maxAge: -60 });
    await expect(decodeSessionToken({ token: expired, secret })).rejects.toThrow();
    const token = await encode({ token: { sub: "c" }, secret });
    await decodeSessionToken({ token, secret });
    await expect(decodeSessionToken({ token, secret: `${secret}-rotated` })).rejects.toThrow();
    await expect(decodeSessionToken({ token: `${token.slice(0, -2)}xx`, secret })).rejects.toThrow();
    expect(await decodeSessionToken({ token: "", secret })).toBeNull();
  });

  it("refuses a remembered token once it has expired", async () => {
    const token = await encode({ token: { sub: "d" }, secret, maxAge: 60 });
    expect(await decodeSessionToken({ token, secret })).toMatchObject({ sub: "d" });
    vi.useFakeTimers({ now: Date.now() + 120_000 });
    expect(await decodeSessionToken({ token, secret })).toBeNull();
  });
});
