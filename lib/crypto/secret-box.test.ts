import { createCipheriv, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseKeyRing } from "./key-ring";
import { isLegacyPayload, openWith, payloadKeyId, sealWith, SecretBoxError, type SecretSlot } from "./secret-box";

const k1 = Buffer.alloc(32, 1).toString("base64");
const k2 = Buffer.alloc(32, 2).toString("base64");
const ringV1 = parseKeyRing(`v1:${k1}`, "v1");
const ringV2 = parseKeyRing(`v1:${k1},v2:${k2}`, "v2");
const SECRET = "0123456789abcdef0123456789ABCDEF";
const A_SECRET: SecretSlot = { credentialId: "7d0c7f4e-0000-4000-8000-00000000000a", half: "secret" };
const A_KEY: SecretSlot = { credentialId: A_SECRET.credentialId, half: "key" };
const B_SECRET: SecretSlot = { credentialId: "7d0c7f4e-0000-4000-8000-00000000000b", half: "secret" };

/** A payload as written before associated data existed: "<keyId>.<iv>.<tag>.<ciphertext>". */
function legacySeal(keyId: string, keyBase64: string, plain: string) {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", Buffer.from(keyBase64, "base64"), iv);
  const ct = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [keyId, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ct.toString("base64url")].join(
    ".",
  );
}

describe("secret box", () => {
  it("round-trips in its own slot and names the key it was sealed with", () => {
    const payload = sealWith(ringV2, SECRET, A_SECRET);
    expect(payloadKeyId(payload)).toBe("v2");
    expect(isLegacyPayload(payload)).toBe(false);
    expect(payload).not.toContain(SECRET);
    expect(openWith(ringV2, payload, A_SECRET)).toBe(SECRET);
  });

  it("refuses a payload moved to another row or to the other column of the same row", () => {
    const payload = sealWith(ringV2, SECRET, A_KEY);
    expect(() => openWith(ringV2, payload, B_SECRET)).toThrow(/failed authentication/);
    expect(() => openWith(ringV2, payload, A_SECRET)).toThrow(/failed authentication/);
    expect(() => openWith(ringV2, payload, { ...A_KEY, credentialId: "" })).toThrow(SecretBoxError);
  });

  it("binds the ring key id: relabelling a payload with another key id fails", () => {
    const [, marker, iv, tag, ct] = sealWith(ringV2, SECRET, A_SECRET).split(".");
    expect(() => openWith(ringV2, ["v1", marker, iv, tag, ct].join("."), A_SECRET)).toThrow(/failed authentication/);
  });

  it("uses a fresh IV every time", () => {
    expect(sealWith(ringV2, SECRET, A_SECRET)).not.toBe(sealWith(ringV2, SECRET, A_SECRET));
  });

  it("detects a tampered ciphertext or tag, and malformed payloads", () => {
    const [id, marker, iv, tag, ct] = sealWith(ringV2, SECRET, A_SECRET).split(".") as [
      string,
      string,
      string,
      string,
      string,
    ];
    const flipped = Buffer.from(ct, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    expect(() => openWith(ringV2, [id, marker, iv, tag, flipped.toString("base64url")].join("."), A_SECRET)).toThrow(
      /failed authentication/,
    );
    const badTag = Buffer.from(tag, "base64url");
    badTag[3] = badTag[3]! ^ 1;
    expect(() => openWith(ringV2, [id, marker, iv, badTag.toString("base64url"), ct].join("."), A_SECRET)).toThrow(
      /failed authentication/,
    );
    expect(() => openWith(ringV2, "v2.garbage", A_SECRET)).toThrow(/malformed/);
    expect(() => openWith(ringV2, [id, "b9", iv, tag, ct].join("."), A_SECRET)).toThrow(/malformed/);
  });

  it("still opens legacy unbound payloads (until rotation re-seals them), under any key of the ring", () => {
    const legacy = legacySeal("v1", k1, SECRET);
    expect(isLegacyPayload(legacy)).toBe(true);
    expect(payloadKeyId(legacy)).toBe("v1");
    expect(openWith(ringV2, legacy, A_SECRET)).toBe(SECRET);
  });

  it("still opens payloads sealed under an older key of the ring", () => {
    const old = sealWith(ringV1, SECRET, A_SECRET);
    expect(payloadKeyId(old)).toBe("v1");
    expect(openWith(ringV2, old, A_SECRET)).toBe(SECRET);
  });

  it("refuses an unknown key id without revealing the plaintext", () => {
    const payload = sealWith(ringV2, SECRET, A_SECRET);
    let caught: unknown;
    try {
      openWith(ringV1, payload, A_SECRET);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SecretBoxError);
    expect(String(caught)).toMatch(/uses key "v2", which is not in the key ring/);
    expect(String(caught)).not.toContain(SECRET);
  });
});
