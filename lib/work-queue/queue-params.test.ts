import { describe, expect, it } from "vitest";
import {
  DEFAULT_QUEUE_PARAMS,
  applyQueueDefaults,
  effectiveSpecialist,
  isCanonicalQuery,
  parseQueueParams,
  serializeQueueParams,
} from "./queue-params";

const STAFF_ID = "7f1c1f5e-3b5a-4c4e-9a4e-2f0a3e5b6c7d";

describe("parseQueueParams", () => {
  it("gives the default view for an empty query string", () => {
    expect(parseQueueParams({})).toEqual({
      page: 1,
      perPage: 25,
      sort: undefined, // the role's default, filled in by applyQueueDefaults
      dir: "asc",
      stage: [],
      ball: undefined,
      specialist: undefined,
      hold: "any",
      cluster: undefined,
      sla: undefined,
      q: undefined,
      cancelled: undefined,
    });
  });

  it("reads every filter from a URL", () => {
    const params = parseQueueParams(
      new URLSearchParams(
        `page=3&perPage=100&sort=company&dir=desc&stage=key_received,secret_received&ball=merchant&specialist=${STAFF_ID}&hold=yes&cluster=us1&sla=due_soon&q=%20wijn%20&cancelled=include`,
      ),
    );
    expect(params).toEqual({
      page: 3,
      perPage: 100,
      sort: "company",
      dir: "desc",
      stage: ["key_received", "secret_received"],
      ball: "merchant",
      specialist: STAFF_ID,
      hold: "yes",
      cluster: "us1",
      sla: "due_soon",
      q: "wijn",
      cancelled: "include",
    });
  });

  it("accepts repeated stage keys and drops unknown or duplicate steps", () => {
    const params = parseQueueParams(new URLSearchParams("stage=live&stage=nonsense,live&stage=done"));
    expect(params.stage).toEqual(["live", "done"]);
  });

  it.each([
    ["page=0", { page: 1 }],
    ["page=-4", { page: 1 }],
    ["page=abc", { page: 1 }],
    ["page=2.5", { page: 1 }],
    ["perPage=10000", { perPage: 25 }],
    ["perPage=30", { perPage: 25 }],
    ["sort=password_hash", { sort: undefined }],
    ["sort=company;drop table merchants", { sort: undefined }],
    ["sla=late", { sla: undefined }],
    ["dir=sideways", { dir: "asc" }],
    ["ball=everyone", { ball: undefined }],
    ["specialist=not-a-uuid", { specialist: undefined }],
    ["hold=maybe", { hold: "any" }],
    ["cluster=mars", { cluster: undefined }],
    ["cancelled=yes", { cancelled: undefined }],
    [`q=${"x".repeat(500)}`, { q: undefined }],
    ["q=%20%20", { q: undefined }],
  ])("falls back to the default for an invalid %s", (query, expected) => {
    expect(parseQueueParams(new URLSearchParams(query))).toEqual({ ...DEFAULT_QUEUE_PARAMS, ...expected });
  });

  it("keeps valid fields when another field is invalid", () => {
    const params = parseQueueParams({ page: "x", cluster: "eu1", sort: "nope", dir: "desc" });
    expect(params).toMatchObject({ page: 1, cluster: "eu1", sort: undefined, dir: "desc" });
  });

  it("takes the first value when a single-valued key is repeated", () => {
    expect(parseQueueParams({ page: ["4", "9"] }).page).toBe(4);
  });
});

describe("effectiveSpecialist", () => {
  it("defaults a specialist to their own merchants and leads/admins to everyone", () => {
    expect(effectiveSpecialist("specialist", undefined)).toBe("mine");
    expect(effectiveSpecialist("lead", undefined)).toBe("any");
    expect(effectiveSpecialist("admin", undefined)).toBe("any");
  });

  it("keeps an explicit choice", () => {
    expect(effectiveSpecialist("specialist", "any")).toBe("any");
    expect(effectiveSpecialist("lead", "mine")).toBe("mine");
  });
});

describe("serializeQueueParams", () => {
  it("spells out sort, direction and page size even at their defaults", () => {
    expect(serializeQueueParams(DEFAULT_QUEUE_PARAMS)).toBe("perPage=25&sort=waitingSince&dir=asc");
  });

  it("round-trips through parseQueueParams", () => {
    const params = parseQueueParams({
      page: "2",
      perPage: "50",
      sort: "lastActivity",
      dir: "desc",
      stage: "user_created,done",
      ball: "agency",
      specialist: "unassigned",
      hold: "no",
      cluster: "eu1",
      q: "de bron",
      cancelled: "include",
    });
    expect(parseQueueParams(new URLSearchParams(serializeQueueParams(params)))).toEqual(params);
  });
});

describe("applyQueueDefaults", () => {
  it("writes a specialist's own scope as their id, so a lead opening the URL sees the same rows", () => {
    const specialistView = applyQueueDefaults(DEFAULT_QUEUE_PARAMS, { id: STAFF_ID, role: "specialist" });
    const query = serializeQueueParams(specialistView);
    // A specialist's default puts breached and due-soon steps first, written into the URL.
    expect(query).toBe(`perPage=25&sort=timeToBreach&dir=asc&specialist=${STAFF_ID}`);
    const leadView = applyQueueDefaults(parseQueueParams(new URLSearchParams(query)), {
      id: "someone-else",
      role: "lead",
    });
    expect(leadView).toEqual(specialistView);
  });

  it("a lead's default stays longest waiting first; a sort in the URL wins over any role's default", () => {
    expect(applyQueueDefaults(DEFAULT_QUEUE_PARAMS, { id: STAFF_ID, role: "lead" }).sort).toBe("waitingSince");
    expect(applyQueueDefaults(parseQueueParams({ sort: "company" }), { id: STAFF_ID, role: "specialist" }).sort).toBe(
      "company",
    );
  });

  it("makes a lead's everyone-scope explicit and resolves an explicit 'mine'", () => {
    expect(applyQueueDefaults(DEFAULT_QUEUE_PARAMS, { id: STAFF_ID, role: "lead" }).specialist).toBe("any");
    expect(
      applyQueueDefaults(parseQueueParams({ specialist: "mine" }), { id: STAFF_ID, role: "lead" }).specialist,
    ).toBe(STAFF_ID);
  });
});

describe("isCanonicalQuery", () => {
  const canonical = "perPage=25&sort=company&dir=desc&specialist=any";
  it("accepts the same pairs in any order", () => {
    expect(isCanonicalQuery({ sort: "company", specialist: "any", dir: "desc", perPage: "25" }, canonical)).toBe(true);
  });
  it("refuses a query that leaves a default implicit or carries junk", () => {
    expect(isCanonicalQuery({ sort: "company", dir: "desc" }, canonical)).toBe(false);
    expect(
      isCanonicalQuery({ sort: "company", specialist: "any", dir: "desc", perPage: "25", page: "x" }, canonical),
    ).toBe(false);
  });
});
