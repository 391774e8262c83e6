import { describe, expect, it } from "vitest";
import type { StaffActor } from "@/lib/auth/actor";
import { queueBindings, queueShapeKey } from "./filters";
import { parseQueueParams, type QueueParamsInput } from "./queue-params";

// listWorkQueue reuses one compiled statement per shape key, so two views may share a key only if
// their SQL text is the same; everything else must reach the database through the bindings.
const actor = (role: StaffActor["role"], id: string): StaffActor => ({
  kind: "staff",
  id,
  email: `${id}@x.test`,
  name: id,
  role,
});
const ana = actor("specialist", "0e6a7c1e-1d3f-4c59-9c3a-0b1f2e3d4c5a");
const ben = actor("specialist", "5b2d9f40-7a61-4e0b-8d2c-3f4a5b6c7d8e");
const lea = actor("lead", "9c8b7a6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d");
const key = (who: StaffActor, input: QueueParamsInput) => queueShapeKey(who, parseQueueParams(input));

describe("queueShapeKey", () => {
  it("is shared by views that differ only in page, search text or which specialist", () => {
    expect(key(ana, { page: "2" })).toBe(key(ana, { page: "7" }));
    expect(key(lea, { q: "bron" })).toBe(key(lea, { q: "kelder 12" }));
    expect(key(ana, {})).toBe(key(ben, {}));
    expect(key(lea, { specialist: ana.id })).toBe(key(ana, {}));
  });

  it("differs whenever the statement text differs", () => {
    const base = key(lea, {});
    for (const input of [
      { page: "2" },
      { q: "bron" },
      { specialist: "unassigned" },
      { specialist: ana.id },
      { stage: "live" },
      { stage: "live,done" },
      { ball: "merchant" },
      { hold: "yes" },
      { hold: "no" },
      { cluster: "us1" },
      { cancelled: "include" },
      { sort: "company" },
      { dir: "desc" },
      { perPage: "50" },
    ]) {
      expect(key(lea, input), JSON.stringify(input)).not.toBe(base);
    }
    // A lead's default is everyone, a specialist's is their own merchants.
    expect(key(ana, {})).not.toBe(key(lea, {}));
  });
});

describe("queueBindings", () => {
  it("binds the viewer for 'mine', the chosen specialist otherwise, and nobody for any/unassigned", () => {
    expect(queueBindings(ana, parseQueueParams({})).specialistId).toBe(ana.id);
    expect(queueBindings(lea, parseQueueParams({ specialist: ben.id })).specialistId).toBe(ben.id);
    expect(queueBindings(lea, parseQueueParams({})).specialistId).toBeUndefined();
    expect(queueBindings(ana, parseQueueParams({ specialist: "unassigned" })).specialistId).toBeUndefined();
  });

  it("binds the search as a literal substring pattern and the page as an offset", () => {
    expect(queueBindings(lea, parseQueueParams({ q: "50%_off" })).search).toBe("%50\\%\\_off%");
    expect(queueBindings(lea, parseQueueParams({})).search).toBeUndefined();
    expect(queueBindings(lea, parseQueueParams({ page: "3", perPage: "50" })).offset).toBe(100);
  });
});
