import { describe, expect, it } from "vitest";
import { UnauthenticatedError } from "@/lib/errors";
import { systemActor } from "@/lib/auth/actor";
import { getReminderOverview } from "@/lib/reminders/get-next-reminder";
import { createMerchant } from "@/tests/factories/merchant";
import { createStaff } from "@/tests/factories/staff";
import { ONBOARDED } from "@/tests/factories/merchant";
import { stall } from "./helpers";

describe("the workspace's next reminder and its preview", () => {
  it("names when the next reminder goes in the merchant's business time, and previews it in the shop's language", async () => {
    const { actor } = await createStaff();
    const merchant = await createMerchant(
      { language: "de", country: "DE" },
      { completed: [...ONBOARDED, "secret_received"] },
    );
    // Monday 30 Nov 2026, 10:00 in Berlin; two business days on is Wednesday 10:00.
    await stall(merchant.id, new Date("2026-11-30T09:00:00Z"));
    const overview = await getReminderOverview(actor, merchant.id, new Date("2026-11-30T12:00:00Z"));
    expect(overview.next).toMatchObject({
      state: "planned",
      number: 1,
      maxCount: 3,
      at: new Date("2026-12-02T09:00:00Z"),
    });
    const preview = "preview" in overview.next ? overview.next.preview : null;
    expect(preview?.language).toBe("de");
    expect(preview?.text).toContain("Wir haben Ihr API-Secret erhalten, aber noch nicht den API-Key.");
    expect(overview.sent).toEqual([]);
  });

  it("says Actenzo has the move when the merchant owes nothing, and needs a signed-in actor", async () => {
    const { actor } = await createStaff();
    const merchant = await createMerchant({}, { completed: [...ONBOARDED, "key_received", "secret_received"] });
    expect((await getReminderOverview(actor, merchant.id)).next).toMatchObject({ state: "none" });
    await expect(getReminderOverview(systemActor("x"), merchant.id)).resolves.toBeDefined();
    await expect(getReminderOverview(null, merchant.id)).rejects.toThrow(UnauthenticatedError);
  });
});
