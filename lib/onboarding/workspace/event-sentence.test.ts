import { describe, expect, it } from "vitest";
import type { MerchantEventType } from "@/db/schema";
import { eventSentence, type EventSentenceInput } from "./event-sentence";

// A Record, so a new event type fails to compile here until it has a sentence.
const EVERY_TYPE: Record<MerchantEventType, true> = {
  signed_up: true,
  stage_completed: true,
  stage_undone: true,
  assigned: true,
  held: true,
  resumed: true,
  cancelled: true,
  note: true,
  credential_recorded: true,
  verification: true,
  rekey_opened: true,
  action_required: true,
  action_cleared: true,
  health_alert: true,
  connect_link: true,
  reminder_sent: true,
  sla_warning: true,
  merchant_replied: true,
  reminder: true,
};
const ALL_GRANTS = [
  "account:read",
  "shop:read",
  "products:read",
  "products:write",
  "orders:read",
  "orders:write",
  "customers:read",
  "textpages:read",
  "tracking:read",
  "tracking:write",
  "languages:read",
  "webhooks:write",
];
const event = (
  type: EventSentenceInput["type"],
  evidence: Record<string, unknown> | null = null,
  more: Partial<EventSentenceInput> = {},
): EventSentenceInput => ({
  type,
  stage: null,
  evidence,
  assignedTo: null,
  ...more,
});

describe("eventSentence", () => {
  it("says an escalation task closed by a person and by the facts, naming the step and whose task", () => {
    const stage = "key_received" as const;
    expect(eventSentence(event("reminder", { action: "task_done", level: "specialist" }, { stage }))).toBe(
      "Called the merchant about “API key received” and marked the specialist's task done.",
    );
    expect(
      eventSentence(event("reminder", { action: "task_closed", level: "lead", reason: "on_hold" }, { stage })),
    ).toBe("The lead's task to call the merchant about “API key received” closed by itself: the merchant is on hold.");
  });

  it("names a hold's last day in the viewer's zone, not the midnight after it", () => {
    // "Until 5 Dec" in Amsterdam is stored as the start of 6 Dec there.
    const held = event("held", { until: "2026-12-05T23:00:00.000Z" });
    expect(eventSentence(held, "Europe/Amsterdam")).toBe("Put on hold; until 5 Dec 2026, end of day CET.");
    expect(eventSentence(held, "America/New_York")).toBe("Put on hold; until 5 Dec 2026, 18:00 EST.");
  });

  it("says what a step completion, an undo and a recorded half mean, without field names or ids", () => {
    expect(eventSentence(event("stage_completed", null, { stage: "user_created" }))).toBe(
      "Marked “Back-office user created” done.",
    );
    expect(
      eventSentence(
        event(
          "stage_undone",
          {
            completedAt: "2026-11-29T04:38:51.039Z",
            completedBy: "9e00ddf1-2b1c-4c7e-9a4e-2f0a3e5b6c7d",
            evidence: { x: 1 },
          },
          { stage: "password_reset" },
        ),
        "UTC",
      ),
    ).toBe("Reopened “Password reset”, which had been done on 29 Nov 2026, 04:38 UTC.");
    expect(
      eventSentence(
        event("credential_recorded", {
          half: "key",
          credentialId: "c-1",
          receivedAt: "2026-05-03T08:40:00.000Z",
          via: "email",
          fingerprint: "abcd…wxyz",
        }),
        "UTC",
      ),
    ).toBe("Recorded the API key (abcd…wxyz), received 3 May 2026, 08:40 UTC by email.");
    // Read from the access mailbox: who sent it, and when.
    expect(
      eventSentence(
        event("credential_recorded", {
          half: "key",
          receivedAt: "2026-05-03T08:42:00.000Z",
          via: "email",
          from: "anne@wijnhuis.test",
          fingerprint: "abcd…wxyz",
        }),
        "UTC",
      ),
    ).toBe("API key (abcd…wxyz) received by email from anne@wijnhuis.test at 3 May 2026, 08:42 UTC.");
    expect(
      eventSentence(
        event("credential_recorded", {
          half: "secret",
          receivedAt: "2026-05-03T08:42:00.000Z",
          via: "email",
          from: "a@b.test",
        }),
        "UTC",
      ),
    ).toBe("API secret received by email from a@b.test at 3 May 2026, 08:42 UTC.");
  });

  it("tells a rejected pair apart from a permission gap, and never lists every grant for a rejected pair", () => {
    const rejected = eventSentence(
      event("verification", { runId: "r-1", verdict: "invalid_credentials", missing: ALL_GRANTS, cluster: "eu1" }),
    );
    expect(rejected).toBe("Lightspeed rejected the key and secret: the pair is wrong or the key was deleted.");
    expect(
      eventSentence(
        event("verification", { verdict: "incomplete_permissions", missing: ["orders:write", "tracking:read"] }),
      ),
    ).toBe(
      "Checked the key with Lightspeed: it works, but 2 permissions are missing: Orders → Write, Tracking → Read.",
    );
    expect(
      eventSentence(
        event("connect_link", {
          action: "submitted",
          linkId: "l-1",
          credentialId: "c-1",
          outcome: "rejected",
          missing: ALL_GRANTS,
        }),
      ),
    ).toBe("The merchant sent a key through the secure link; Lightspeed rejected it.");
    expect(eventSentence(event("connect_link", { action: "submitted", outcome: "connected", missing: [] }))).toBe(
      "The merchant sent a key through the secure link; it works with every permission.",
    );
  });

  it("has a sentence for every event type, free of raw evidence", () => {
    const noisy = {
      action: "submitted",
      outcome: "connected",
      completedBy: "9e00ddf1",
      linkId: "l-1",
      runId: "r-1",
      state: "rejected",
      kind: "x",
    };
    for (const type of Object.keys(EVERY_TYPE) as MerchantEventType[]) {
      const sentence = eventSentence(event(type, noisy));
      expect(sentence, type).toMatch(/^[A-Z].*\.$/);
      expect(sentence, type).not.toMatch(/[a-zA-Z]+: |9e00ddf1|l-1|r-1|undefined|null/);
    }
  });
});
