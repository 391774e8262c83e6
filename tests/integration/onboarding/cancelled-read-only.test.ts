import { describe, expect, it } from "vitest";
import { RuleViolationError } from "@/lib/errors";
import { recordKeyHalf } from "@/lib/verification";
import { createConnectLink } from "@/lib/connect-links";
import { addNote, cancelMerchant, completeStep } from "@/lib/onboarding";
import { requestVerification } from "@/lib/verification";
import { createMerchant, doneSteps, eventsOf } from "@/tests/factories/merchant";
import { createStaff } from "@/tests/factories/staff";

/** A cancelled merchant is read-only: every write verb refuses, except a note (decision 0015). */
describe("a cancelled merchant", () => {
  it("refuses key intake, Verify now, links and step changes, and still takes a note", async () => {
    const lead = await createStaff({ role: "lead" });
    const merchant = await createMerchant({}, { completed: ["key_received"] });
    await cancelMerchant(lead.actor, { merchantId: merchant.id, reason: "Chose another agency" });

    await expect(recordKeyHalf(lead.actor, { merchantId: merchant.id, key: "a".repeat(32) })).rejects.toBeInstanceOf(
      RuleViolationError,
    );
    await expect(requestVerification(lead.actor, { merchantId: merchant.id })).rejects.toThrow(/cancelled/);
    await expect(createConnectLink(lead.actor, { merchantId: merchant.id })).rejects.toThrow(/cancelled/);
    await expect(completeStep(lead.actor, { merchantId: merchant.id, stage: "user_created" })).rejects.toThrow(
      /cancelled/,
    );
    await expect(
      completeStep(lead.actor, { merchantId: merchant.id, stage: "key_verified", overrideReason: "Checked by phone" }),
    ).rejects.toThrow(/cancelled/);
    expect(await doneSteps(merchant.id)).toEqual(["signed_up", "key_received"]);

    await addNote(lead.actor, { merchantId: merchant.id, note: "They may come back next season." });
    expect(await eventsOf(merchant.id, "note")).toHaveLength(1);
  });
});
