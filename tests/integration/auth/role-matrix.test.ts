import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorize, can, type StaffActor } from "@/lib/auth/actor";
import { PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import { ROLES, type Role } from "@/lib/auth/roles";
import { overrideEnv } from "@/lib/env";
import { ForbiddenError, UnauthenticatedError } from "@/lib/errors";
import { createStaff } from "@/tests/factories/staff";
import { startSmtpInbox } from "@/tests/helpers/smtp-inbox";
import { loadMutationCases } from "@/tests/helpers/mutations";

/**
 * The product's permission matrix, written out a second time on purpose: changing who may do
 * what in lib/auth/permissions.ts must be mirrored here, so it is a reviewed decision and not
 * a side effect. S = specialist, L = lead, A = admin.
 */
const EXPECTED: Record<Permission, string> = {
  "queue:read": "SLA",
  "merchant:read": "SLA",
  "merchant:create": "SLA",
  "merchant:update": "SLA",
  "merchant:claim": "SLA",
  "merchant:assign": "LA",
  "merchant:cancel": "LA",
  "step:override": "LA",
  "credentials:record": "SLA",
  "credentials:reveal": "LA",
  "intake:triage": "SLA",
  "connect-link:manage": "SLA",
  "verification:run": "SLA",
  "health:read": "SLA",
  "reports:read": "LA",
  "sla:manage": "LA",
  "sla:recompute": "LA",
  "audit:read": "LA",
  "staff:manage": "A",
  "jobs:manage": "A",
  "reminders:manage": "LA",
  "dev-mail:read": "A",
  "tasks:work": "SLA",
  "tasks:manage": "LA",
  "profile:update": "SLA",
};
const LETTER: Record<Role, string> = { specialist: "S", lead: "L", admin: "A" };
const allows = (role: Role, permission: Permission) => EXPECTED[permission].includes(LETTER[role]);

const actorOf = (role: Role): StaffActor => ({
  kind: "staff",
  id: "00000000-0000-4000-8000-000000000001",
  email: `${role}@x.test`,
  name: role,
  role,
});

describe("permission matrix", () => {
  it("lists exactly the permissions the product defines", () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const permission of Object.keys(EXPECTED) as Permission[]) {
    describe(permission, () => {
      for (const role of ROLES) {
        it(`${role}: ${allows(role, permission) ? "allowed" : "forbidden"}`, () => {
          if (allows(role, permission)) {
            expect(() => authorize(actorOf(role), permission)).not.toThrow();
            expect(can(actorOf(role), permission)).toBe(true);
          } else {
            expect(() => authorize(actorOf(role), permission)).toThrow(ForbiddenError);
            expect(can(actorOf(role), permission)).toBe(false);
          }
        });
      }
      it("anonymous: must sign in", () => {
        expect(() => authorize(null, permission)).toThrow(UnauthenticatedError);
        expect(can(null, permission)).toBe(false);
      });
    });
  }
});

/** Every mutating verb registered in a `*.mutations.ts` file (see ./mutations.ts), as every role. */
const cases = await loadMutationCases();
let inbox: Awaited<ReturnType<typeof startSmtpInbox>>;
let restoreEnv: (() => void) | undefined;

describe("mutating verbs obey the matrix", () => {
  const actors = {} as Record<Role, StaffActor>;
  beforeAll(async () => {
    // Verbs that send mail (invites) deliver to a real local inbox.
    inbox = await startSmtpInbox();
    restoreEnv = overrideEnv({ SMTP_URL: inbox.url });
    for (const role of ROLES) actors[role] = (await createStaff({ role })).actor;
  });
  afterAll(async () => {
    restoreEnv?.();
    await inbox?.close();
  });

  it("has cases registered", () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const mutation of cases) {
    describe(`${mutation.name} (${mutation.permission})`, () => {
      for (const role of [...ROLES, "anonymous"] as const) {
        const allowed = role !== "anonymous" && allows(role, mutation.permission);
        it(`${role}: ${allowed ? "allowed" : role === "anonymous" ? "must sign in" : "forbidden"}`, async () => {
          const data = mutation.arrange ? await mutation.arrange() : undefined;
          const call = mutation.act(role === "anonymous" ? null : actors[role], data);
          if (allowed) await expect(call).resolves.not.toThrow();
          else await expect(call).rejects.toThrow(role === "anonymous" ? UnauthenticatedError : ForbiddenError);
          if (mutation.happened) expect(await mutation.happened(data)).toBe(allowed);
        });
      }
    });
  }
});
