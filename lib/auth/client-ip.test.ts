import { describe, expect, it } from "vitest";
import {
  CLIENT_IP_HEADER,
  CLIENT_IP_PROOF_HEADER,
  clientIp,
  normalizeIp,
  resolveClientIp,
  setClientIpProof,
} from "./client-ip";

describe("resolveClientIp", () => {
  it("with no trusted proxy, takes the socket address and ignores X-Forwarded-For", () => {
    expect(resolveClientIp("6.6.6.6", "203.0.113.7", 0)).toBe("203.0.113.7");
    expect(resolveClientIp("6.6.6.6, 10.9.9.9", "203.0.113.7", 0)).toBe("203.0.113.7");
    expect(resolveClientIp(undefined, "203.0.113.7", 0)).toBe("203.0.113.7");
  });

  it("behind one proxy, takes the address that proxy appended, not what the client sent", () => {
    // The client sent "6.6.6.6"; the load balancer (socket peer 10.0.0.2) appended 198.51.100.4.
    expect(resolveClientIp("6.6.6.6, 198.51.100.4", "10.0.0.2", 1)).toBe("198.51.100.4");
    expect(resolveClientIp(["6.6.6.6", "198.51.100.4"], "10.0.0.2", 1)).toBe("198.51.100.4");
  });

  it("behind two proxies, counts two from the right", () => {
    expect(resolveClientIp("6.6.6.6, 198.51.100.4, 10.0.0.9", "10.0.0.2", 2)).toBe("198.51.100.4");
  });

  it("with a shorter chain than configured, takes the left-most address", () => {
    expect(resolveClientIp(undefined, "203.0.113.7", 1)).toBe("203.0.113.7");
    expect(resolveClientIp("198.51.100.4", "10.0.0.2", 3)).toBe("198.51.100.4");
  });

  it("turns anything that is not an IP address into one shared 'unknown'", () => {
    expect(resolveClientIp("not-an-ip", "10.0.0.2", 1)).toBe("unknown");
    expect(resolveClientIp("198.51.100.4:8080", "10.0.0.2", 1)).toBe("unknown");
    expect(resolveClientIp(undefined, undefined, 0)).toBe("unknown");
    expect(resolveClientIp("x".repeat(5000), "10.0.0.2", 1)).toBe("unknown");
  });
});

describe("normalizeIp", () => {
  it("spells each address one way, so one client cannot hold several budgets", () => {
    expect(normalizeIp("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(normalizeIp("[2001:DB8::1]")).toBe("2001:db8::1");
    expect(normalizeIp("203.0.113.7")).toBe("203.0.113.7");
    expect(normalizeIp("203.0.113.256")).toBeNull();
  });
});

describe("clientIp", () => {
  it("trusts the stamped address only with this process's proof", () => {
    setClientIpProof("proof-1");
    expect(clientIp({ [CLIENT_IP_HEADER]: "203.0.113.7", [CLIENT_IP_PROOF_HEADER]: "proof-1" })).toBe("203.0.113.7");
    expect(clientIp(new Headers({ [CLIENT_IP_HEADER]: "203.0.113.7", [CLIENT_IP_PROOF_HEADER]: "proof-1" }))).toBe(
      "203.0.113.7",
    );
    // A client sending our header itself (e.g. before the stamp was installed) does not get its way.
    expect(clientIp({ [CLIENT_IP_HEADER]: "6.6.6.6", [CLIENT_IP_PROOF_HEADER]: "guess" })).toBe("unknown");
    expect(clientIp({ [CLIENT_IP_HEADER]: "6.6.6.6" })).toBe("unknown");
    expect(clientIp({ "x-forwarded-for": "6.6.6.6", "x-real-ip": "6.6.6.6" })).toBe("unknown");
  });
});
