import { describe, expect, it } from "vitest";
import { parseKeyRing } from "./key-ring";

const k1 = Buffer.alloc(32, 1).toString("base64");
const k2 = Buffer.alloc(32, 2).toString("base64");

describe("parseKeyRing", () => {
  it("reads several versioned keys and the active id", () => {
    const ring = parseKeyRing(`v1:${k1}, v2:${k2}`, "v2");
    expect(ring.activeId).toBe("v2");
    expect([...ring.keys.keys()]).toEqual(["v1", "v2"]);
    expect(ring.keys.get("v1")).toEqual(Buffer.alloc(32, 1));
  });

  it("names the entry whose key is not 32 bytes, without echoing the key", () => {
    const short = Buffer.alloc(16, 7).toString("base64");
    expect(() => parseKeyRing(`v1:${k1},v2:${short}`, "v1")).toThrow(
      /entry 2 \("v2"\) key must decode to exactly 32 bytes/,
    );
    try {
      parseKeyRing(`v1:${k1},v2:${short}`, "v1");
    } catch (error) {
      expect(String(error)).not.toContain(short);
    }
  });

  it("names an entry without a separator, a bad id, a repeated id and a missing active key", () => {
    expect(() => parseKeyRing(`v1${k1}`, "v1")).toThrow(/entry 1 is not "id:base64key"/);
    expect(() => parseKeyRing(`v.1:${k1}`, "v.1")).toThrow(/entry 1 has a bad key id/);
    expect(() => parseKeyRing(`v1:${k1},v1:${k2}`, "v1")).toThrow(/entry 2 repeats the key id "v1"/);
    expect(() => parseKeyRing(`v1:${k1}`, "v3")).toThrow(/active key "v3" is not in the ring \(ids: v1\)/);
    expect(() => parseKeyRing(`v1:not base64!`, "v1")).toThrow(/entry 1 \("v1"\) key is not base64/);
  });
});
