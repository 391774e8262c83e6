import { describe, expect, it } from "vitest";
import type { StaffActor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/roles";
import { leadTaskNeeded, mayCloseTask, seesUnassignedTasks, taskAssignee, taskCloseReason } from "./task-rules";

const actor = (role: Role, id = "me"): StaffActor => ({ kind: "staff", id, email: `${id}@x.test`, name: id, role });

describe("escalation task rules", () => {
  it("gives the specialist's task to the merchant's specialist and the lead's to every lead", () => {
    expect(taskAssignee("specialist", "s1")).toBe("s1");
    expect(taskAssignee("specialist", null)).toBeNull();
    expect(taskAssignee("lead", "s1")).toBeNull();
  });

  it("asks the lead only while the specialist's task is open", () => {
    expect(leadTaskNeeded({ doneAt: null })).toBe(true);
    expect(leadTaskNeeded({ doneAt: new Date("2026-11-26T10:00:00Z") })).toBe(false);
    expect(leadTaskNeeded(undefined)).toBe(true);
  });

  it("closes a task when the step is done, the merchant cancelled or on hold, in that order", () => {
    const open = { stepStillOpen: true, cancelled: false, onHold: false };
    expect(taskCloseReason(open)).toBeNull();
    expect(taskCloseReason({ ...open, stepStillOpen: false, cancelled: true })).toBe("step_done");
    expect(taskCloseReason({ ...open, cancelled: true, onHold: true })).toBe("cancelled");
    expect(taskCloseReason({ ...open, onHold: true })).toBe("on_hold");
  });

  it("lets a specialist close only their own task; leads and admins any", () => {
    expect(mayCloseTask(actor("specialist"), { assigneeId: "me" })).toBe(true);
    expect(mayCloseTask(actor("specialist"), { assigneeId: "someone" })).toBe(false);
    expect(mayCloseTask(actor("specialist"), { assigneeId: null })).toBe(false);
    expect(mayCloseTask(actor("lead"), { assigneeId: "someone" })).toBe(true);
    expect(mayCloseTask(actor("admin"), { assigneeId: null })).toBe(true);
  });

  it("shows unassigned (lead) tasks to leads and admins only", () => {
    expect(seesUnassignedTasks(actor("specialist"))).toBe(false);
    expect(seesUnassignedTasks(actor("lead"))).toBe(true);
    expect(seesUnassignedTasks(actor("admin"))).toBe(true);
  });
});
