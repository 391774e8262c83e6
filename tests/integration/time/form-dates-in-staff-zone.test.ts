import { describe, expect, it } from "vitest";
import { loadActor } from "@/lib/auth/load-actor";
import { recordKeyHalf, recordSecretHalf } from "@/lib/verification";
import { recordKeyFormSchema, recordSecretFormSchema } from "@/lib/credentials/forms";
import { holdMerchant } from "@/lib/onboarding";
import { holdFormSchema } from "@/lib/onboarding/workspace/forms";
import { describeEvidence } from "@/lib/onboarding/workspace/present";
import { actorTimeZone } from "@/lib/staff/time-zone";
import { updateOwnTimeZone } from "@/lib/staff/update-own-time-zone";
import { toLocalDateTimeValue } from "@/lib/time";
import { createMerchant, stepOf, eventsOf, readMerchant } from "@/tests/factories/merchant";
import { createStaff } from "@/tests/factories/staff";
import { closeQueuesAfterAll } from "@/tests/helpers/jobs";
import { credentialsOf, newCredential } from "@/tests/factories/credential";

closeQueuesAfterAll();

/** What the server actions do: the form's fields plus the signed-in staff member's zone. */
const asAction = (actor: Awaited<ReturnType<typeof loadActor>>, fields: Record<string, string>) => ({
  ...fields,
  timeZone: actorTimeZone(actor),
});

async function staffIn(zone: string | null) {
  const { user, actor } = await createStaff();
  if (zone) await updateOwnTimeZone(actor, { timeZone: zone });
  return (await loadActor({ sub: user.id, sessionVersion: user.sessionVersion }))!;
}

describe("dates typed in forms are read in the staff member's zone", () => {
  it("a received-at in New York summer time is stored as that instant, whatever offset the browser sends", async () => {
    const actor = await staffIn("America/New_York");
    const merchant = await createMerchant();
    const input = recordKeyFormSchema.parse(
      asAction(actor, {
        merchantId: merchant.id,
        key: newCredential(),
        receivedAt: "2025-07-03T10:15",
        tzOffset: "-60",
      }),
    );
    await recordKeyHalf(actor, {
      merchantId: merchant.id,
      key: input.value,
      receivedAt: input.receivedAt,
      via: input.via,
    });

    const [pair] = await credentialsOf(merchant.id);
    expect(pair?.keyReceivedAt?.toISOString()).toBe("2025-07-03T14:15:00.000Z");
    const step = await stepOf(merchant.id, "key_received");
    expect(describeEvidence(step?.evidence, actorTimeZone(actor))[0]).toBe("received 3 Jul 2025, 10:15 EDT by email");
    expect(describeEvidence(step?.evidence, "Europe/Amsterdam")[0]).toBe("received 3 Jul 2025, 16:15 CEST by email");
  });

  it("key then secret with the default 'now' both save, in Amsterdam, even just after a refused key", async () => {
    const actor = await staffIn(null);
    const merchant = await createMerchant();
    const refused = recordKeyFormSchema.parse(
      asAction(actor, { merchantId: merchant.id, key: "too-short", receivedAt: "" }),
    );
    await expect(
      recordKeyHalf(actor, { merchantId: merchant.id, key: refused.value, receivedAt: refused.receivedAt }),
    ).rejects.toThrow("32");

    const key = recordKeyFormSchema.parse(
      asAction(actor, { merchantId: merchant.id, key: newCredential(), receivedAt: "" }),
    );
    expect(key.receivedAt).toBeUndefined();
    await recordKeyHalf(actor, { merchantId: merchant.id, key: key.value, receivedAt: key.receivedAt });
    const secret = recordSecretFormSchema.parse(
      asAction(actor, { merchantId: merchant.id, secret: newCredential(), receivedAt: "" }),
    );
    const result = await recordSecretHalf(actor, {
      merchantId: merchant.id,
      secret: secret.value,
      receivedAt: secret.receivedAt,
    });
    expect(result.complete).toBe(true);
  });

  it("a received-at typed a minute ago in Amsterdam is not 'in the future'", async () => {
    const actor = await staffIn("Europe/Amsterdam");
    const merchant = await createMerchant();
    const local = toLocalDateTimeValue(new Date(Date.now() - 60_000), "Europe/Amsterdam");
    const input = recordKeyFormSchema.parse(
      asAction(actor, { merchantId: merchant.id, key: newCredential(), receivedAt: local }),
    );
    await expect(
      recordKeyHalf(actor, { merchantId: merchant.id, key: input.value, receivedAt: input.receivedAt }),
    ).resolves.toMatchObject({ complete: false });
  });

  it("a hold until 5 Dec lasts through 5 Dec in the staff member's zone and reads back as that day", async () => {
    const actor = await staffIn("Europe/Amsterdam");
    const merchant = await createMerchant();
    const year = new Date().getUTCFullYear() + 1;
    const input = holdFormSchema.parse(
      asAction(actor, { merchantId: merchant.id, reason: "Harvest holidays", until: `${year}-12-05` }),
    );
    await holdMerchant(actor, input);

    const saved = await readMerchant(merchant.id);
    expect(saved.holdUntil?.toISOString()).toBe(`${year}-12-05T23:00:00.000Z`); // midnight into 6 Dec, CET
    const [held] = await eventsOf(merchant.id, "held");
    expect(describeEvidence(held?.evidence, "Europe/Amsterdam")).toContain(`until 5 Dec ${year}, end of day CET`);
    // A colleague in New York sees the same moment in their own zone.
    expect(describeEvidence(held?.evidence, "America/New_York")).toContain(`until 5 Dec ${year}, 18:00 EST`);
  });
});
