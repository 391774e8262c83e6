import { describe, expect, it } from "vitest";
import { describeAuditEntry, type AuditEntryFacts } from "./describe-audit-entry";

const names: Record<string, string> = { "id-lucas": "Lucas", "id-anna": "Anna" };
const facts = (over: Partial<AuditEntryFacts>): AuditEntryFacts => ({
  action: "x.y",
  actorName: "Sanne",
  merchantName: "Wijnhuis De Bron",
  staffName: "Eva",
  details: {},
  nameOf: (id) => names[String(id)] ?? "someone",
  ...over,
});

describe("describeAuditEntry", () => {
  it("says who revealed which secret and why", () => {
    expect(
      describeAuditEntry(
        facts({
          action: "credentials.reveal_secret",
          details: { reason: "merchant asked to re-send", merchantId: "m" },
        }),
      ),
    ).toBe("Sanne revealed the secret of Wijnhuis De Bron: 'merchant asked to re-send'");
  });

  it("says how a merchant's calendar changed", () => {
    expect(
      describeAuditEntry(
        facts({ action: "merchant.time_zone_changed", details: { from: "America/New_York", to: "America/Denver" } }),
      ),
    ).toBe("Sanne changed the time zone of Wijnhuis De Bron from America/New_York to America/Denver");
    expect(
      describeAuditEntry(
        facts({ action: "merchant.calendar_changed", details: { summary: "hours 09:00-17:30 → 13:00-17:30" } }),
      ),
    ).toBe("Sanne changed the working hours of Wijnhuis De Bron: hours 09:00-17:30 → 13:00-17:30");
  });

  it("names assignees, role changes and hand-overs instead of ids", () => {
    expect(describeAuditEntry(facts({ action: "merchant.assigned", details: { from: null, to: "id-lucas" } }))).toBe(
      "Sanne assigned Wijnhuis De Bron to Lucas",
    );
    expect(
      describeAuditEntry(facts({ action: "staff.role_changed", details: { from: "specialist", to: "lead" } })),
    ).toBe("Sanne changed the role of Eva from integration specialist to team lead");
    const handOver = {
      merchants: 3,
      to: [
        { staffId: "id-lucas", merchants: 2 },
        { staffId: "id-anna", merchants: 1 },
      ],
    };
    expect(describeAuditEntry(facts({ action: "staff.deactivated", details: { handOver } }))).toBe(
      "Sanne deactivated Eva; 3 open merchants went to Lucas (2), Anna (1)",
    );
  });

  it("speaks of the system when no one acted", () => {
    expect(describeAuditEntry(facts({ action: "merchant.note_added", actorName: null }))).toBe(
      "The system: note added for Wijnhuis De Bron",
    );
  });

  it("tells what an admin did to the jobs, naming the merchant a job worked for", () => {
    const job = { queue: "verification", jobId: "verify-key.c1.1", jobName: "verify-key", merchantId: "m" };
    expect(describeAuditEntry(facts({ action: "jobs.retried", details: job }))).toBe(
      "Sanne retried the failed verify-key job of Wijnhuis De Bron (verification queue)",
    );
    expect(describeAuditEntry(facts({ action: "jobs.promoted", details: job }))).toBe(
      "Sanne ran the delayed verify-key job of Wijnhuis De Bron (verification queue)",
    );
    expect(
      describeAuditEntry(
        facts({ action: "jobs.removed", merchantName: null, details: { queue: "scheduler", jobName: "reconcile" } }),
      ),
    ).toBe("Sanne removed the reconcile job (scheduler queue)");
    expect(
      describeAuditEntry(facts({ action: "jobs.retried_all_failed", details: { queue: "health", count: 4 } })),
    ).toBe("Sanne retried all failed jobs of the health queue (4)");
    expect(describeAuditEntry(facts({ action: "jobs.queue_paused", details: { queue: "health" } }))).toBe(
      "Sanne paused the health queue",
    );
    expect(
      describeAuditEntry(
        facts({
          action: "jobs.cleaned",
          details: { queue: "health", state: "completed", olderThan: 2, unit: "hours", count: 1 },
        }),
      ),
    ).toBe("Sanne cleaned up 1 completed job older than 2 hours from the health queue");
  });

  it("tells company sign-ins and approvals apart from accounts an admin made", () => {
    const firstSignIn = { via: "company-sign-in", role: "specialist", approvalPending: true };
    expect(describeAuditEntry(facts({ action: "staff.created", actorName: null, details: firstSignIn }))).toBe(
      "Eva signed in with the company account for the first time and awaits approval",
    );
    const byGroup = { via: "company-sign-in", role: "lead", approvalPending: false };
    expect(describeAuditEntry(facts({ action: "staff.created", actorName: null, details: byGroup }))).toBe(
      "Eva signed in with the company account for the first time, as team lead by group",
    );
    expect(describeAuditEntry(facts({ action: "staff.created", details: { via: "bootstrap" } }))).toBe(
      "Sanne created the account of Eva",
    );
    expect(describeAuditEntry(facts({ action: "staff.approved" }))).toBe("Sanne approved the company sign-in of Eva");
    expect(
      describeAuditEntry(facts({ action: "staff.digests_changed", details: { daily: false, weekly: true } })),
    ).toBe("Sanne turned off the daily digest and on the weekly digest of Eva");
  });
});
