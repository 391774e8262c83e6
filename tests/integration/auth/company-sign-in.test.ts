import { randomBytes } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, staffUsers } from "@/db/schema";
import { env, resetEnvCache } from "@/lib/env";
import { ForbiddenError } from "@/lib/errors";
import { approveStaff } from "@/lib/staff/approve-staff";
import { deactivateStaff } from "@/lib/staff/deactivate-staff";
import { listStaff } from "@/lib/staff/list-staff";
import { createStaff } from "@/tests/factories/staff";
import { startOidcProvider, type OidcAccount, type StartedOidcProvider } from "@/tests/helpers/oidc-provider";
import { AuthBrowser } from "./company-sign-in-flow";
import { actorForCookie, signOutCookie } from "./session-cookie";

let idp: StartedOidcProvider;
const saved: Record<string, string | undefined> = {};

function setEnv(values: Record<string, string>) {
  for (const [key, value] of Object.entries(values)) {
    if (!(key in saved)) saved[key] = process.env[key];
    process.env[key] = value;
  }
  resetEnvCache();
}

beforeAll(async () => {
  idp = await startOidcProvider({ redirectUris: [`${env.NEXTAUTH_URL}/api/auth/callback/company`] });
  setEnv({
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: idp.clientId,
    OIDC_CLIENT_SECRET: idp.clientSecret,
    OIDC_ALLOWED_DOMAINS: "actenzo.test,actenzo-ops.test",
    OIDC_SCOPES: "openid email profile groups",
    OIDC_GROUP_ROLES: "ops-leads=lead,ops-admins=admin",
    PASSWORD_SIGN_IN: "on",
  });
});

afterAll(async () => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetEnvCache();
  await idp?.stop();
});

/** A person at the provider, unique per call; returns their subject (the account id). */
function person(claims: Partial<OidcAccount> = {}) {
  const suffix = randomBytes(4).toString("hex");
  const sub = `sub-${suffix}`;
  idp.accounts.set(sub, {
    email: `ann-${suffix}@actenzo.test`,
    email_verified: true,
    name: `Ann ${suffix}`,
    ...claims,
  });
  return sub;
}

async function staffOf(sub: string) {
  return db
    .select()
    .from(staffUsers)
    .where(and(eq(staffUsers.oidcIssuer, idp.issuer), eq(staffUsers.oidcSubject, sub)));
}

async function auditOf(staffId: string) {
  return db.select().from(auditLog).where(eq(auditLog.entityId, staffId)).orderBy(desc(auditLog.id));
}

describe("company sign-in (OpenID Connect against a real provider)", () => {
  it("a first sign-in creates a specialist awaiting approval; once an admin approves, they get in", async () => {
    const sub = person();
    const first = await new AuthBrowser().signInWithCompany(sub);
    expect(first).toMatchObject({ error: "CompanyApprovalPending", sessionCookie: null });
    const [created] = await staffOf(sub);
    expect(created).toMatchObject({ role: "specialist", approvalPending: true, active: true, passwordHash: null });
    expect((await auditOf(created!.id))[0]).toMatchObject({
      action: "staff.created",
      actorId: null,
      details: { via: "company-sign-in", approvalPending: true, system: "company-sign-in" },
    });
    // Trying again neither gets in nor makes a second account.
    expect((await new AuthBrowser().signInWithCompany(sub)).error).toBe("CompanyApprovalPending");
    expect(await staffOf(sub)).toHaveLength(1);

    const admin = await createStaff({ role: "admin" });
    const lead = await createStaff({ role: "lead" });
    const row = (await listStaff(admin.actor)).find((r) => r.id === created!.id);
    expect(row?.status).toBe("pending_approval");
    await expect(approveStaff(lead.actor, created!.id)).rejects.toThrow(ForbiddenError);
    await approveStaff(admin.actor, created!.id);
    expect((await auditOf(created!.id))[0]).toMatchObject({ action: "staff.approved", actorId: admin.user.id });

    const approved = await new AuthBrowser().signInWithCompany(sub);
    expect(approved.landedOn.pathname).toBe("/queue");
    expect(await actorForCookie(approved.sessionCookie!)).toMatchObject({ id: created!.id, role: "specialist" });
    expect((await listStaff(admin.actor)).find((r) => r.id === created!.id)?.status).toBe("active");
  });

  it("a group claim maps to a role, active at once (the most powerful group wins)", async () => {
    const leadSub = person({ groups: ["ops-leads", "sales"] });
    const asLead = await new AuthBrowser().signInWithCompany(leadSub);
    expect(await actorForCookie(asLead.sessionCookie!)).toMatchObject({ role: "lead" });

    const adminSub = person({ groups: ["ops-leads", "ops-admins"] });
    const asAdmin = await new AuthBrowser().signInWithCompany(adminSub);
    expect(await actorForCookie(asAdmin.sessionCookie!)).toMatchObject({ role: "admin" });
    const [staff] = await staffOf(adminSub);
    expect((await auditOf(staff!.id))[0]).toMatchObject({
      details: { via: "company-sign-in", role: "admin", approvalPending: false },
    });
  });

  it("an email change at the provider signs in to the same account (linked by issuer + subject)", async () => {
    const sub = person({ groups: ["ops-leads"] });
    const before = await new AuthBrowser().signInWithCompany(sub);
    const { id } = (await actorForCookie(before.sessionCookie!))!;
    idp.accounts.get(sub)!.email = `renamed-${randomBytes(3).toString("hex")}@actenzo-ops.test`;
    const after = await new AuthBrowser().signInWithCompany(sub);
    expect(await actorForCookie(after.sessionCookie!)).toMatchObject({ id });
    expect(await staffOf(sub)).toHaveLength(1);
  });

  it("links an existing password account with the same email only when the provider verified the address", async () => {
    const suffix = randomBytes(4).toString("hex");
    const existing = await createStaff({ role: "lead", email: `piet-${suffix}@actenzo.test` });
    const sub = person({ email: existing.user.email, email_verified: false, groups: ["ops-admins"] });

    const unverified = await new AuthBrowser().signInWithCompany(sub);
    expect(unverified).toMatchObject({ error: "CompanyEmailUnverified", sessionCookie: null });
    expect(await staffOf(sub)).toHaveLength(0);

    idp.accounts.get(sub)!.email_verified = true;
    const verified = await new AuthBrowser().signInWithCompany(sub);
    // The same account, with the role the console gave it (groups only shape new accounts).
    expect(await actorForCookie(verified.sessionCookie!)).toMatchObject({ id: existing.user.id, role: "lead" });
    expect((await staffOf(sub))[0]?.id).toBe(existing.user.id);
    expect((await auditOf(existing.user.id))[0]).toMatchObject({ action: "staff.identity_linked" });

    // A second identity claiming the same address is not linked over the first.
    const impostor = person({ email: existing.user.email, email_verified: true });
    expect((await new AuthBrowser().signInWithCompany(impostor)).error).toBe("CompanyIdentityConflict");
  });

  it("refuses an ID token issued for another client (wrong audience)", async () => {
    const sub = person({ groups: ["ops-leads"] });
    idp.tamperNextIdToken((claims) => ({ ...claims, aud: "another-client", azp: "another-client" }));
    const refused = await new AuthBrowser().signInWithCompany(sub);
    expect(refused).toMatchObject({ error: "OAuthCallback", sessionCookie: null });
    expect(refused.landedOn.pathname).toBe("/login");
    expect(await staffOf(sub)).toHaveLength(0);
    // Control: a token re-signed the same way with its own audience passes, so the audience was the reason.
    idp.tamperNextIdToken((claims) => claims);
    expect((await new AuthBrowser().signInWithCompany(sub)).sessionCookie).not.toBeNull();
  });

  it("refuses an expired ID token (past the 10 s clock tolerance)", async () => {
    const sub = person({ groups: ["ops-leads"] });
    const now = Math.floor(Date.now() / 1000);
    idp.tamperNextIdToken((claims) => ({ ...claims, iat: now - 3600, exp: now - 60 }));
    const refused = await new AuthBrowser().signInWithCompany(sub);
    expect(refused).toMatchObject({ error: "OAuthCallback", sessionCookie: null });
    expect(await staffOf(sub)).toHaveLength(0);
    // The same person with a token re-signed but in date gets in: only the expiry made the difference.
    idp.tamperNextIdToken((claims) => ({ ...claims, iat: now - 60 }));
    expect((await new AuthBrowser().signInWithCompany(sub)).sessionCookie).not.toBeNull();
  });

  it("refuses an address outside the allowed domains, creating nothing", async () => {
    const sub = person({ email: `mallory-${randomBytes(3).toString("hex")}@actenzo.test.evil.test` });
    const refused = await new AuthBrowser().signInWithCompany(sub);
    expect(refused).toMatchObject({ error: "CompanyDomainNotAllowed", sessionCookie: null });
    expect(refused.landedOn.pathname).toBe("/login");
    expect(await staffOf(sub)).toHaveLength(0);
  });

  it("a deactivated account is refused, and its open session ends (session version)", async () => {
    const sub = person({ groups: ["ops-leads"] });
    const signedIn = await new AuthBrowser().signInWithCompany(sub);
    const actor = (await actorForCookie(signedIn.sessionCookie!))!;
    const admin = await createStaff({ role: "admin" });
    await deactivateStaff(admin.actor, actor.id);

    expect(await actorForCookie(signedIn.sessionCookie!)).toBeNull();
    expect(await new AuthBrowser().signInWithCompany(sub)).toMatchObject({
      error: "CompanyAccountDeactivated",
      sessionCookie: null,
    });
  });

  it("signing out ends a company session like a password one", async () => {
    const signedIn = await new AuthBrowser().signInWithCompany(person({ groups: ["ops-leads"] }));
    expect(await actorForCookie(signedIn.sessionCookie!)).not.toBeNull();
    await signOutCookie(signedIn.sessionCookie!);
    expect(await actorForCookie(signedIn.sessionCookie!)).toBeNull();
  });

  it("PASSWORD_SIGN_IN=off: the credentials endpoint refuses a right password; company sign-in still works", async () => {
    const { user, password } = await createStaff({ role: "lead" });
    const browser = new AuthBrowser();
    const post = async () => {
      const { body } = await browser.auth("GET", "csrf");
      const csrfToken = (body as { csrfToken: string }).csrfToken;
      return browser.auth("POST", "callback/credentials", {
        body: { csrfToken, email: user.email, password, callbackUrl: `${env.NEXTAUTH_URL}/queue` },
      });
    };
    // Control: with passwords on, the same request signs in.
    await post();
    expect(browser.app.get("next-auth.session-token")).toBeDefined();
    browser.app.clear();

    setEnv({ PASSWORD_SIGN_IN: "off" });
    try {
      const refused = await post();
      expect(refused.status).toBe(400);
      expect(browser.app.get("next-auth.session-token")).toBeUndefined();
      const providers = await browser.auth("GET", "providers");
      expect(Object.keys(providers.body as object)).toEqual(["company"]);
      const sub = person({ groups: ["ops-leads"] });
      expect((await new AuthBrowser().signInWithCompany(sub)).sessionCookie).not.toBeNull();
    } finally {
      setEnv({ PASSWORD_SIGN_IN: "on" });
    }
  });
});
