import { describe, expect, it } from "vitest";
import { emailDomainAllowed, readCompanyClaims, roleFromGroups } from "./company-sign-in-rules";

describe("company sign-in rules", () => {
  it("admits exact email domains only", () => {
    expect(emailDomainAllowed("ann@actenzo.com", ["actenzo.com"])).toBe(true);
    expect(emailDomainAllowed("ann@ACTENZO.com", ["actenzo.com"])).toBe(true);
    expect(emailDomainAllowed("ann@evil-actenzo.com", ["actenzo.com"])).toBe(false);
    expect(emailDomainAllowed("ann@mail.actenzo.com", ["actenzo.com"])).toBe(false);
    expect(emailDomainAllowed("ann@actenzo.com", [])).toBe(false);
  });

  it("picks the most powerful role any group grants", () => {
    const mapping = [
      { group: "ops-leads", role: "lead" },
      { group: "ops-admins", role: "admin" },
    ] as const;
    expect(roleFromGroups(["ops-leads", "ops-admins"], mapping)).toBe("admin");
    expect(roleFromGroups(["ops-leads", "sales"], mapping)).toBe("lead");
    expect(roleFromGroups(["sales"], mapping)).toBeNull();
    expect(roleFromGroups([], [])).toBeNull();
  });

  it("reads the claims it needs and nothing else; string flags and single groups too", () => {
    const claims = readCompanyClaims(
      { iss: "https://idp", sub: "42", email: " Ann@Actenzo.com ", email_verified: "true", roles: "ops-leads" },
      "roles",
    );
    expect(claims).toEqual({
      issuer: "https://idp",
      subject: "42",
      email: "ann@actenzo.com",
      emailVerified: true,
      name: null,
      groups: ["ops-leads"],
    });
    expect(
      readCompanyClaims({ iss: "https://idp", sub: "42", email: "a@b.co", email_verified: "yes" }, "groups"),
    ).toMatchObject({ emailVerified: false, groups: [] });
    expect(readCompanyClaims({ iss: "https://idp", sub: "42" }, "groups")).toBeNull();
    expect(readCompanyClaims({ iss: "https://idp", email: "a@b.co" }, "groups")).toBeNull();
  });
});
