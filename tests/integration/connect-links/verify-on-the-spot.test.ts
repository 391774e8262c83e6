import { describe, expect, it } from "vitest";
import {
  createConnectLink,
  getConnectLinkContext,
  listConnectLinks,
  submitConnectCredentials,
} from "@/lib/connect-links";
import { getCredentialSummary } from "@/lib/credentials";
import { RuleViolationError } from "@/lib/errors";
import { setLogSink } from "@/lib/logger";
import { redis } from "@/lib/redis";
import { grantsWithout } from "@/tests/lightspeed-simulator";
import { createStaff } from "@/tests/factories/staff";
import { closeConnectionsAfterAll, createEuMerchant, freshIp } from "./helpers";
import { credentialsOf } from "@/tests/factories/credential";
import { stepOf, eventsOf, readMerchant } from "@/tests/factories/merchant";
import { verifyJobsFor } from "@/tests/helpers/jobs";
import { linkRow } from "@/tests/factories/connect-link";
import { withSimulator } from "@/tests/helpers/simulator";

closeConnectionsAfterAll();
const lightspeed = withSimulator();

async function newLink() {
  const { actor } = await createStaff();
  const merchant = await createEuMerchant();
  const link = await createConnectLink(actor, { merchantId: merchant.id });
  return { actor, merchant, link };
}

describe("the merchant submits key and secret on the link", () => {
  it("names the unticked checkboxes, accepts a resubmission once they are ticked, then spends the link", async () => {
    const { actor, merchant, link } = await newLink();
    const key = lightspeed.addKey({ permissions: grantsWithout("orders:write", "tracking:read") });

    const partial = await submitConnectCredentials(
      link.token,
      { key: key.key, secret: ` ${key.secret} ` },
      { ip: freshIp() },
    );
    expect(partial.outcome).toBe("missing_permissions");
    expect(partial.missing).toEqual(["Orders → Write", "Tracking → Read"]);
    expect(partial.message).toContain("still unticked: Orders → Write, Tracking → Read");
    expect(await getConnectLinkContext(link.token)).toMatchObject({ state: "valid" });
    expect(await stepOf(merchant.id, "key_received")).toMatchObject({
      evidence: expect.objectContaining({ via: "connect_link" }),
    });
    expect(await stepOf(merchant.id, "key_verified")).toBeNull();
    expect((await getCredentialSummary(actor, merchant.id)).pending?.status).toBe("rejected");
    expect((await readMerchant(merchant.id)).ballInCourt).toBe("merchant");

    // The merchant ticks the two boxes on the same key and submits again.
    lightspeed.sim.upsertKey({ ...key, permissions: grantsWithout() });
    const healthy = await submitConnectCredentials(link.token, { key: key.key, secret: key.secret }, { ip: freshIp() });
    expect(healthy).toMatchObject({ outcome: "connected", missing: [] });
    expect(await stepOf(merchant.id, "key_verified")).not.toBeNull();
    const summary = await getCredentialSummary(actor, merchant.id);
    expect(summary.active).toMatchObject({ status: "active", cluster: "eu1" });
    expect(summary.pending).toBeNull();

    const row = await linkRow(link.id);
    expect(row.spentAt).not.toBeNull();
    expect(row.attemptCount).toBe(2);
    expect(row.credentialId).toBe(summary.active?.id);
    expect(await getConnectLinkContext(link.token)).toEqual({ state: "spent" });
    expect((await listConnectLinks(actor, merchant.id))[0]?.state).toBe("spent");
    await expect(
      submitConnectCredentials(link.token, { key: key.key, secret: key.secret }, { ip: freshIp() }),
    ).rejects.toThrow(/already connected/);

    // Verified on the spot: nothing was queued for these pairs.
    for (const credential of await credentialsOf(merchant.id))
      expect(await verifyJobsFor(credential.id)).toHaveLength(0);
    expect((await eventsOf(merchant.id, "connect_link")).map((e) => e.evidence?.outcome ?? e.evidence?.action)).toEqual(
      ["created", "missing_permissions", "connected"],
    );
  });

  it("says plainly when Lightspeed rejects the pair, and leaves the link usable", async () => {
    const { merchant, link } = await newLink();
    const key = lightspeed.addKey();
    const wrongSecret = key.secret.split("").reverse().join("");
    const result = await submitConnectCredentials(link.token, { key: key.key, secret: wrongSecret }, { ip: freshIp() });
    expect(result.outcome).toBe("rejected");
    expect(result.message).toMatch(/^This key and secret were rejected by Lightspeed/);
    expect(await getConnectLinkContext(link.token)).toMatchObject({ state: "valid" });
    expect(await stepOf(merchant.id, "key_verified")).toBeNull();

    const retry = await submitConnectCredentials(link.token, { key: key.key, secret: key.secret }, { ip: freshIp() });
    expect(retry.outcome).toBe("connected");
  });

  it("when Lightspeed cannot answer, keeps the pair and queues a later check", async () => {
    const { merchant, link } = await newLink();
    const key = lightspeed.addKey();
    lightspeed.sim.injectFault({ kind: "status", status: 503, match: { apiKey: key.key } });
    const result = await submitConnectCredentials(link.token, { key: key.key, secret: key.secret }, { ip: freshIp() });
    lightspeed.sim.clearFaults();
    expect(result.outcome).toBe("check_later");
    const [credential] = await credentialsOf(merchant.id);
    expect(await verifyJobsFor(credential!.id)).toHaveLength(1);
    expect(await getConnectLinkContext(link.token)).toMatchObject({ state: "valid" });
  });

  it("an unusable link is refused before Lightspeed is asked", async () => {
    const { link } = await newLink();
    const key = lightspeed.addKey();
    lightspeed.sim.clearLog();
    // The link's token with its last character changed (to another one: 1 token in 64 ends in "A").
    const forged = link.token.slice(0, -1) + (link.token.endsWith("A") ? "B" : "A");
    await expect(
      submitConnectCredentials(forged, { key: key.key, secret: key.secret }, { ip: freshIp() }),
    ).rejects.toThrow(RuleViolationError);
    expect(lightspeed.sim.requestLog).toHaveLength(0);
  });

  it("leaves no plaintext key or secret in Redis or in the logs", async () => {
    const lines: string[] = [];
    const restore = setLogSink((line) => lines.push(line));
    try {
      const { link, merchant } = await newLink();
      const key = lightspeed.addKey({ permissions: grantsWithout("orders:write") });
      await submitConnectCredentials(link.token, { key: key.key, secret: key.secret }, { ip: freshIp() });
      lightspeed.sim.injectFault({ kind: "status", status: 503, match: { apiKey: key.key } });
      const later = await submitConnectCredentials(link.token, { key: key.key, secret: key.secret }, { ip: freshIp() });
      lightspeed.sim.clearFaults();
      expect(later.outcome).toBe("check_later"); // a job was queued: its payload is in Redis now

      const dump: string[] = [];
      const client = redis();
      for (const name of await client.keys(`${process.env.REDIS_PREFIX}:*`)) {
        const type = await client.type(name);
        if (type === "string") dump.push((await client.get(name)) ?? "");
        else if (type === "hash") dump.push(JSON.stringify(await client.hgetall(name)));
        else if (type === "list") dump.push(JSON.stringify(await client.lrange(name, 0, -1)));
        else if (type === "zset") dump.push(JSON.stringify(await client.zrange(name, 0, -1)));
        else if (type === "set") dump.push(JSON.stringify(await client.smembers(name)));
        else if (type === "stream") dump.push(JSON.stringify(await client.xrange(name, "-", "+")));
        dump.push(name);
      }
      // The scan saw the queued job's payload (ids only) and the attempt counters.
      const pending = (await credentialsOf(merchant.id)).find((c) => c.status === "verifying");
      expect(dump.join("\n")).toContain(`verify-key.${pending!.id}`);
      for (const text of [dump.join("\n"), lines.join("\n")]) {
        expect(text).not.toContain(key.key);
        expect(text).not.toContain(key.secret);
        expect(text).not.toContain(link.token);
      }
      expect(lines.length).toBeGreaterThan(0);
    } finally {
      restore();
    }
  });
});
