import { describe, expect, it } from "vitest";
import { describeEvidence, eventTitle, formatDuration, formatRelative } from "./present";

describe("formatDuration", () => {
  it("says how long someone has been waiting, in the two largest units", () => {
    expect(formatDuration(30_000)).toBe("under a minute");
    expect(formatDuration(12 * 60_000)).toBe("12 min");
    expect(formatDuration(5 * 3_600_000 + 10 * 60_000)).toBe("5 h 10 min");
    expect(formatDuration(3 * 86_400_000 + 4 * 3_600_000 + 59 * 60_000)).toBe("3 d 4 h");
    expect(formatDuration(2 * 86_400_000)).toBe("2 d");
  });
});

describe("formatRelative", () => {
  const now = new Date("2026-05-10T12:00:00Z");
  it("reads like a person would say it", () => {
    expect(formatRelative(new Date("2026-05-10T11:59:30Z"), now)).toBe("just now");
    expect(formatRelative(new Date("2026-05-10T11:15:00Z"), now)).toBe("45 min ago");
    expect(formatRelative(new Date("2026-05-09T12:00:00Z"), now)).toBe("yesterday");
    expect(formatRelative(new Date("2026-05-01T12:00:00Z"), now)).toBe("9 d ago");
  });
});

describe("eventTitle", () => {
  it("names the step and the assignee", () => {
    expect(eventTitle({ type: "stage_completed", stage: "key_received" })).toBe("API key received done");
    expect(eventTitle({ type: "stage_undone", stage: "password_reset" })).toBe("Password reset undone");
    expect(eventTitle({ type: "assigned", stage: null, assignedTo: "Eva Becker" })).toBe("Assigned to Eva Becker");
    expect(eventTitle({ type: "assigned", stage: null, assignedTo: null })).toBe("Unassigned");
  });
});

describe("describeEvidence", () => {
  it("summarises known evidence and never shows ids", () => {
    const lines = describeEvidence(
      {
        receivedAt: "2026-05-03T08:40:00.000Z",
        via: "email",
        fingerprint: "abcd…wxyz",
        verificationRunId: "r-1",
        from: null,
        to: "x",
      },
      "UTC",
    );
    expect(lines).toEqual(["received 3 May 2026, 08:40 UTC by email", "key abcd…wxyz"]);
  });
  it("names the sender of a half read from the access mailbox", () => {
    expect(
      describeEvidence(
        { receivedAt: "2026-05-03T08:42:00.000Z", via: "email", from: "anne@wijnhuis.test", fingerprint: "abcd…wxyz" },
        "UTC",
      ),
    ).toEqual(["received 3 May 2026, 08:42 UTC by email from anne@wijnhuis.test", "key abcd…wxyz"]);
  });
  it("names missing checkboxes the way the back office labels them", () => {
    expect(describeEvidence({ missing: ["orders:write", "tracking:read"], verdict: "incomplete_permissions" })).toEqual(
      ["permissions missing", "missing: Orders → Write, Tracking → Read"],
    );
  });
  it("shows nothing for empty evidence", () => {
    expect(describeEvidence({})).toEqual([]);
    expect(describeEvidence(null)).toEqual([]);
  });
});
