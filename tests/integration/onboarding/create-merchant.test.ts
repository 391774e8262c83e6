import { describe, expect, it } from "vitest";
import { systemActor } from "@/lib/auth/actor";
import { ConflictError, UnauthenticatedError, ValidationError } from "@/lib/errors";
import { createMerchant } from "@/lib/onboarding";
import { buildSignup, countByDomain, doneSteps, eventsOf, readMerchant } from "@/tests/factories/merchant";
import { createStaff } from "@/tests/factories/staff";
import { auditOf } from "@/tests/factories/audit";

describe("createMerchant", () => {
  it("creates the merchant with signed_up done, an event and an audit row", async () => {
    const specialist = await createStaff({ role: "specialist" });
    const signup = buildSignup({ shopDomain: "https://www.Wijnhuis-Zonneveld-Test.nl/shop" });
    const { id } = await createMerchant(specialist.actor, signup);

    const merchant = await readMerchant(id);
    expect(merchant).toMatchObject({
      shopDomain: "wijnhuis-zonneveld-test.nl",
      currentStage: "user_created",
      ballInCourt: "merchant",
      onHold: false,
      cancelledAt: null,
      specialistId: null,
    });
    expect(await doneSteps(id)).toEqual(["signed_up"]);
    const [event] = await eventsOf(id);
    expect(event).toMatchObject({
      type: "signed_up",
      stage: "signed_up",
      actorId: specialist.user.id,
      evidence: { source: "console" },
    });
    const [audit] = await auditOf(id);
    expect(audit).toMatchObject({ action: "merchant.created", actorId: specialist.user.id, entityType: "merchant" });
  });

  it("records sign-ups from the API as the system", async () => {
    const { id } = await createMerchant(systemActor("signups-api"), buildSignup());
    const [event] = await eventsOf(id);
    expect(event).toMatchObject({ actorId: null, evidence: { source: "api" } });
    const [audit] = await auditOf(id);
    expect(audit?.details).toMatchObject({ system: "signups-api" });
  });

  it("refuses a second merchant for the same shop domain, naming the first", async () => {
    const signup = buildSignup();
    const { id } = await createMerchant(systemActor("test"), signup);
    const again = createMerchant(systemActor("test"), {
      ...buildSignup(),
      shopDomain: `http://WWW.${signup.shopDomain.toUpperCase()}/`,
    });
    await expect(again).rejects.toBeInstanceOf(ConflictError);
    await expect(again).rejects.toMatchObject({ existingId: id });
    expect(await countByDomain(signup.shopDomain)).toBe(1);
  });

  it("makes one record when the same shop signs up twice at the same moment", async () => {
    const signup = buildSignup();
    const results = await Promise.allSettled([1, 2, 3, 4].map(() => createMerchant(systemActor("test"), signup)));
    const created = results.filter((r) => r.status === "fulfilled");
    const conflicts = results.filter((r) => r.status === "rejected" && r.reason instanceof ConflictError);
    expect(created).toHaveLength(1);
    expect(conflicts).toHaveLength(3);
    expect(await countByDomain(signup.shopDomain)).toBe(1);
  });

  it("refuses bad input with field errors, and anonymous callers", async () => {
    await expect(
      createMerchant(systemActor("test"), { ...buildSignup(), cluster: "ap1" as "eu1", contactEmail: "x" }),
    ).rejects.toMatchObject({
      constructor: ValidationError,
      fieldErrors: { cluster: expect.any(Array), contactEmail: expect.any(Array) },
    });
    await expect(createMerchant(null as never, buildSignup())).rejects.toBeInstanceOf(UnauthenticatedError);
  });
});
