import { describe, expect, it } from "vitest";
import type { Grants } from "@/lib/lightspeed/vocabulary";
import { describeRunChanges, type RunSnapshot } from "./run-changes";

const all = (value: boolean): Grants => ({
  content: { read: value, write: value },
  products: { read: value, write: value },
  customers: { read: value, write: value },
  orders: { read: value, write: value },
  settings: { read: value, write: value },
  tracking: { read: value, write: value },
});
const without = (g: Grants, group: keyof Grants, access: "read" | "write"): Grants => ({
  ...g,
  [group]: { ...g[group], [access]: false },
});
const run = (over: Partial<RunSnapshot>): RunSnapshot => ({
  credentialId: "c1",
  kind: "full",
  verdict: "healthy",
  cluster: "eu1",
  grants: all(true),
  ...over,
});

describe("what changed between runs", () => {
  it("names grants that were granted and verdict changes", () => {
    const older = run({
      verdict: "incomplete_permissions",
      grants: without(without(all(true), "orders", "write"), "tracking", "read"),
    });
    const newer = run({});
    expect(describeRunChanges([newer, older])).toEqual([
      ["now healthy", "Orders → Write granted", "Tracking → Read granted"],
      [],
    ]);
  });

  it("names a lost grant and a rejection", () => {
    const runs = [
      run({ verdict: "invalid_credentials", grants: null }),
      run({ verdict: "incomplete_permissions", grants: without(all(true), "orders", "write") }),
      run({}),
    ];
    expect(describeRunChanges(runs)).toEqual([
      ["now rejected"],
      ["now missing permissions", "Orders → Write removed"],
      [],
    ]);
  });

  it("compares grants with the last full run, across light checks, and lets a light check stay silent on permissions", () => {
    const runs = [
      run({ grants: all(true) }),
      run({ kind: "light", grants: null, verdict: "healthy" }),
      run({ verdict: "incomplete_permissions", grants: without(all(true), "content", "read") }),
    ];
    expect(describeRunChanges(runs)).toEqual([["Content → Read granted"], [], []]);
  });

  it("notes a new key", () => {
    expect(describeRunChanges([run({ credentialId: "c2" }), run({})])[0]).toEqual(["new key"]);
  });
});
