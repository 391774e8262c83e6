import { describe, expect, it } from "vitest";
import { DependencyUnavailableError } from "./errors";
import { dependencyFromDigest, dependencyFromHealth } from "./outage-state";

describe("outage state for error pages", () => {
  it("reads the dependency from a DependencyUnavailableError's digest, and nothing from other digests", () => {
    expect(dependencyFromDigest(new DependencyUnavailableError("database").digest)).toBe("database");
    expect(dependencyFromDigest(new DependencyUnavailableError("redis").digest)).toBe("redis");
    expect(dependencyFromDigest("2938475610")).toBeNull();
    expect(dependencyFromDigest(undefined)).toBeNull();
  });

  it("names the dependency /api/health reports down, the database before Redis", () => {
    expect(dependencyFromHealth({ status: "unavailable", postgres: { ok: false }, redis: { ok: false } })).toBe(
      "database",
    );
    expect(dependencyFromHealth({ status: "unavailable", postgres: { ok: true }, redis: { ok: false } })).toBe("redis");
    expect(dependencyFromHealth({ status: "ok", postgres: { ok: true }, redis: { ok: true } })).toBeNull();
    expect(dependencyFromHealth("<html>")).toBeNull();
  });
});
