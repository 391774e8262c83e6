import { describe, expect, it } from "vitest";
import { sql } from "@/db/client";
import { systemActor } from "@/lib/auth/actor";
import { ForbiddenError, NotFoundError, RuleViolationError } from "@/lib/errors";
import { assignMerchants, cancelMerchant } from "@/lib/onboarding";
import { createMerchant, eventsOf, readMerchant } from "@/tests/factories/merchant";
import { createStaff } from "@/tests/factories/staff";
import { auditOf } from "@/tests/factories/audit";

describe("assignMerchants", () => {
  it("a specialist claims unassigned merchants for themselves", async () => {
    const specialist = await createStaff({ role: "specialist" });
    const merchant = await createMerchant();
    expect(
      await assignMerchants(specialist.actor, { merchantIds: [merchant.id], specialistId: specialist.user.id }),
    ).toEqual({ updated: 1 });
    expect(await readMerchant(merchant.id)).toMatchObject({
      specialistId: specialist.user.id,
      version: merchant.version + 1,
    });
    expect((await eventsOf(merchant.id, "assigned"))[0]).toMatchObject({
      actorId: specialist.user.id,
      evidence: { from: null, to: specialist.user.id },
    });
    expect(await auditOf(merchant.id, "merchant.assigned")).toHaveLength(1);
  });

  it("a specialist may not assign to someone else, nor take a colleague's merchant, nor unassign", async () => {
    const [me, colleague] = await Promise.all([createStaff(), createStaff()]);
    const theirs = await createMerchant({}, { specialistId: colleague.user.id });
    const free = await createMerchant();
    await expect(
      assignMerchants(me.actor, { merchantIds: [free.id], specialistId: colleague.user.id }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      assignMerchants(me.actor, { merchantIds: [free.id, theirs.id], specialistId: me.user.id }),
    ).rejects.toThrow(/Already assigned/);
    await expect(assignMerchants(me.actor, { merchantIds: [free.id], specialistId: null })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    // all or nothing: the free one was not taken either
    expect((await readMerchant(free.id)).specialistId).toBeNull();
    expect((await readMerchant(theirs.id)).specialistId).toBe(colleague.user.id);
  });

  it("a lead assigns in bulk to anyone, one event per merchant, counting only changes", async () => {
    const [lead, specialist, other] = await Promise.all([createStaff({ role: "lead" }), createStaff(), createStaff()]);
    const already = await createMerchant({}, { specialistId: specialist.user.id });
    const fromOther = await createMerchant({}, { specialistId: other.user.id });
    const free = await createMerchant();

    const result = await assignMerchants(lead.actor, {
      merchantIds: [already.id, fromOther.id, free.id, free.id],
      specialistId: specialist.user.id,
    });
    expect(result).toEqual({ updated: 2 });
    for (const m of [already, fromOther, free])
      expect((await readMerchant(m.id)).specialistId).toBe(specialist.user.id);
    expect(await eventsOf(already.id, "assigned")).toHaveLength(1); // only the factory's claim
    expect((await eventsOf(fromOther.id, "assigned")).at(-1)).toMatchObject({
      actorId: lead.user.id,
      evidence: { from: other.user.id, to: specialist.user.id },
    });

    expect(await assignMerchants(lead.actor, { merchantIds: [free.id], specialistId: null })).toEqual({ updated: 1 });
    expect((await readMerchant(free.id)).specialistId).toBeNull();
  });

  it("refuses an inactive assignee, unknown and cancelled merchants, and the system", async () => {
    const [lead, leaver] = await Promise.all([createStaff({ role: "lead" }), createStaff()]);
    await sql`update staff_users set active = false where id = ${leaver.user.id}`;
    const merchant = await createMerchant();
    await expect(
      assignMerchants(lead.actor, { merchantIds: [merchant.id], specialistId: leaver.user.id }),
    ).rejects.toThrow(/active staff member/);
    await expect(
      assignMerchants(lead.actor, {
        merchantIds: [merchant.id, "00000000-0000-4000-8000-000000000000"],
        specialistId: lead.user.id,
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await cancelMerchant(lead.actor, { merchantId: merchant.id, reason: "Gone" });
    await expect(
      assignMerchants(lead.actor, { merchantIds: [merchant.id], specialistId: lead.user.id }),
    ).rejects.toBeInstanceOf(RuleViolationError);
    await expect(
      assignMerchants(systemActor("test"), { merchantIds: [merchant.id], specialistId: lead.user.id }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect((await readMerchant(merchant.id)).specialistId).toBeNull();
  });
});
