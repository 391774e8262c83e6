import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { auditLog } from "@/db/schema";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { completeStep, holdMerchant, resumeMerchant } from "@/lib/onboarding";
import { getMerchantSlaClocks } from "@/lib/sla/get-merchant-sla-clocks";
import { updateMerchantTimeZone } from "@/lib/sla/update-merchant-time-zone";
import { createMerchant } from "@/tests/factories/merchant";
import { createStaff } from "@/tests/factories/staff";
import { readMerchant } from "@/tests/factories/merchant";

describe("the workspace's clocks", () => {
  it("show each step's clocks with its target, the hold with its reason, and the open step's due time", async () => {
    const specialist = await createStaff();
    const merchant = await createMerchant(
      { country: "US", timeZone: "America/Denver" },
      { completed: ["user_created"] },
    );
    await completeStep(specialist.actor, {
      merchantId: merchant.id,
      stage: "user_approved",
      evidence: { fullPermissions: true },
    });
    await holdMerchant(specialist.actor, { merchantId: merchant.id, reason: "Owner travelling" });
    await resumeMerchant(specialist.actor, { merchantId: merchant.id });

    const clocks = await getMerchantSlaClocks(specialist.actor, merchant.id, new Date(Date.now() + 1000));
    expect(clocks.timeZone).toBe("America/Denver");
    expect(clocks.zoneChoices).toContain("America/Chicago");
    expect(clocks.steps.map((s) => s.stage)).toEqual(["user_created", "user_approved", "password_reset"]);
    const reset = clocks.steps.find((s) => s.stage === "password_reset")!;
    expect(reset).toMatchObject({ agencyTarget: 4 * 3600, merchantExpected: null });
    expect(reset.holds.map((h) => h.reason)).toEqual(["Owner travelling"]);
    expect(clocks.steps.find((s) => s.stage === "user_approved")).toMatchObject({ merchantExpected: 17 * 3600 });
    expect(clocks.open).toMatchObject({ stage: "password_reset", targetSeconds: 4 * 3600 });
    expect(clocks.open!.dueAt).toEqual((await readMerchant(merchant.id)).slaDueAt);
    await expect(getMerchantSlaClocks(null as never, merchant.id)).rejects.toThrow();
  });

  it("the merchant's time zone is editable by leads within its country's zones, and audited", async () => {
    const specialist = await createStaff();
    const lead = await createStaff({ role: "lead" });
    const merchant = await createMerchant({ country: "US" });
    await expect(
      updateMerchantTimeZone(specialist.actor, { merchantId: merchant.id, timeZone: "America/Los_Angeles" }),
    ).rejects.toThrow(ForbiddenError);
    expect((await readMerchant(merchant.id)).timeZone).toBe(merchant.timeZone);
    await updateMerchantTimeZone(lead.actor, { merchantId: merchant.id, timeZone: "America/Los_Angeles" });
    expect((await readMerchant(merchant.id)).timeZone).toBe("America/Los_Angeles");
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, merchant.id), eq(auditLog.action, "merchant.time_zone_changed")));
    expect(entry?.details).toMatchObject({ to: "America/Los_Angeles", from: merchant.timeZone });
    await expect(
      updateMerchantTimeZone(lead.actor, { merchantId: merchant.id, timeZone: "Europe/Amsterdam" }),
    ).rejects.toThrow(ValidationError);
  });
});
