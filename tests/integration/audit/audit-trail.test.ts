import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog } from "@/db/schema";
import { auditCsvResponse } from "@/lib/audit/audit-csv";
import { parseAuditParams } from "@/lib/audit/audit-params";
import { listAuditEntries } from "@/lib/audit/list-audit-entries";
import { ForbiddenError } from "@/lib/errors";
import { assignMerchants } from "@/lib/onboarding";
import { changeStaffRole } from "@/lib/staff/change-staff-role";
import { createMerchant } from "@/tests/factories/merchant";
import { createStaff } from "@/tests/factories/staff";

const ZONE = "Europe/Amsterdam";

/** A merchant with a secret reveal by Sanne (a lead), an assignment and a note, plus a role change. */
async function history() {
  const admin = await createStaff({ role: "admin", name: "Ada Admin" });
  const sanne = await createStaff({ role: "lead", name: "Sanne" });
  const lucas = await createStaff({ role: "specialist", name: "Lucas" });
  const merchant = await createMerchant({ shopName: "Wijnhuis De Bron" });
  await db.insert(auditLog).values({
    actorId: sanne.user.id,
    action: "credentials.reveal_secret",
    entityType: "merchant_credential",
    entityId: crypto.randomUUID(),
    details: { merchantId: merchant.id, keyFingerprint: "ab12…9f0e", reason: "merchant asked to re-send" },
    createdAt: new Date("2026-03-10T10:00:00Z"),
  });
  await assignMerchants(sanne.actor, { merchantIds: [merchant.id], specialistId: lucas.user.id });
  await changeStaffRole(admin.actor, { staffId: lucas.user.id, role: "lead" });
  return { admin, sanne, lucas, merchant };
}

describe("the audit trail", () => {
  it("shows an admin every entry of a merchant in words, newest first", async () => {
    const { admin, merchant } = await history();
    const { entries, total } = await listAuditEntries(admin.actor, parseAuditParams({ merchant: merchant.id }), ZONE);
    expect(entries[0]?.text).toBe("Sanne assigned Wijnhuis De Bron to Lucas");
    expect(entries.at(-1)?.text).toBe("Sanne revealed the secret of Wijnhuis De Bron: 'merchant asked to re-send'");
    expect(total).toBe(entries.length);
    for (const e of entries) expect(e.text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
  });

  it("filters by actor, action and period (whole days in the viewer's zone)", async () => {
    const { admin, sanne } = await history();
    const byActor = await listAuditEntries(admin.actor, parseAuditParams({ actor: admin.user.id }), ZONE);
    expect(byActor.entries.map((e) => e.text)).toEqual([
      "Ada Admin changed the role of Lucas from integration specialist to team lead",
    ]);
    const reveals = await listAuditEntries(
      admin.actor,
      parseAuditParams({
        actor: sanne.user.id,
        action: "credentials.reveal_secret",
        from: "2026-03-10",
        to: "2026-03-10",
      }),
      ZONE,
    );
    expect(reveals.total).toBe(1);
    const dayBefore = await listAuditEntries(
      admin.actor,
      parseAuditParams({ actor: sanne.user.id, to: "2026-03-09" }),
      ZONE,
    );
    expect(dayBefore.total).toBe(0);
  });

  it("shows a lead only secret reveals and assignments, and refuses a specialist", async () => {
    const { sanne, admin } = await history();
    const lead = await createStaff({ role: "lead" });
    const seen = await listAuditEntries(lead.actor, parseAuditParams({ actor: admin.user.id }), ZONE);
    expect(seen.total).toBe(0);
    const sannes = await listAuditEntries(lead.actor, parseAuditParams({ actor: sanne.user.id }), ZONE);
    expect(new Set(sannes.entries.map((e) => e.action))).toEqual(
      new Set(["credentials.reveal_secret", "merchant.assigned"]),
    );
    const specialist = await createStaff({ role: "specialist" });
    await expect(listAuditEntries(specialist.actor, parseAuditParams({}), ZONE)).rejects.toThrow(ForbiddenError);
  });
});

describe("the audit CSV", () => {
  it("downloads the filtered rows in words, and refuses the anonymous and specialists", async () => {
    const { merchant } = await history();
    const lead = await createStaff({ role: "lead" });
    const url = new URL(`http://console.test/admin/audit/csv?merchant=${merchant.id}&action=credentials.reveal_secret`);
    const response = await auditCsvResponse(lead.actor, url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const lines = (await response.text()).trim().split("\r\n");
    expect(lines).toEqual([
      '"When","Who","What"',
      `"10 Mar 2026, 11:00 CET","Sanne","Sanne revealed the secret of Wijnhuis De Bron: 'merchant asked to re-send'"`,
    ]);
    expect((await auditCsvResponse(null, url)).status).toBe(401);
    const specialist = await createStaff({ role: "specialist" });
    expect((await auditCsvResponse(specialist.actor, url)).status).toBe(403);
  });
});
