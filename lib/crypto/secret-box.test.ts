import { describe, expect, it } from "vitest";
import { parseKeyRing } from "./key-ring";
import { openWith, payloadKeyId, sealWith, SecretBoxError } from "./secret-box";

const k1 = Buffer.alloc(32, 1).toString("base64");
const k2 = Buffer.alloc(32, 2).toString("base64");
const ringV1 = parseKeyRing(`v1:${k1}`, "v1");
const ringV2 = parseKeyRing(`v1:${k1},v2:${k2}`, "v2");
const SECRET = "0123456789abcdef0123456789ABCDEF";

describe("secret box", () => {
  it("round-trips and names the key it was sealed with", () => {
    const payload = sealWith(ringV2, SECRET);
    expect(payloadKeyId(payload)).toBe("v2");
    expect(payload).not.toContain(SECRET);
    expect(openWith(ringV2, payload)).toBe(SECRET);
  });

  it("uses a fresh IV every time", () => {
    expect(sealWith(ringV2, SECRET)).not.toBe(sealWith(ringV2, SECRET));
  });

  it("detects a tampered ciphertext, tag or key id", () => {
    const [id, iv, tag, ct] = sealWith(ringV2, SECRET).split(".") as [string, string, string, string];
    const flipped = Buffer.from(ct, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    expect(() => openWith(ringV2, [id, iv, tag, flipped.toString("base64url")].join("."))).toThrow(/failed authentication/);
    const badTag = Buffer.from(tag, "base64url");
    badTag[3] = badTag[3]! ^ 1;
    expect(() => openWith(ringV2, [id, iv, badTag.toString("base64url"), ct].join("."))).toThrow(/failed authentication/);
    expect(() => openWith(ringV2, ["v1", iv, tag, ct].join("."))).toThrow(/failed authentication/);
    expect(() => openWith(ringV2, "v2.garbage")).toThrow(/malformed/);
  });

  it("still opens payloads sealed under an older key of the ring", () => {
    const old = sealWith(ringV1, SECRET);
    expect(payloadKeyId(old)).toBe("v1");
    expect(openWith(ringV2, old)).toBe(SECRET);
  });

  it("refuses an unknown key id without revealing the plaintext", () => {
    const payload = sealWith(ringV2, SECRET);
    let caught: unknown;
    try {
      openWith(ringV1, payload);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SecretBoxError);
    expect(String(caught)).toMatch(/uses key "v2", which is not in the key ring/);
    expect(String(caught)).not.toContain(SECRET);
  });
});
