import { describe, expect, it } from "vitest";
import { companySignInMessage } from "./sign-in-methods";

describe("company sign-in messages", () => {
  const company = { name: "Actenzo Google", domains: ["actenzo.com", "actenzo.nl"] };

  it("names the allowed domains when an address is refused", () => {
    expect(companySignInMessage("CompanyDomainNotAllowed", company)).toBe(
      "Sign-in with Actenzo Google is only for addresses at actenzo.com or actenzo.nl. Use your work account.",
    );
  });

  it("words our refusals and next-auth's codes; anything else is not ours to word", () => {
    expect(companySignInMessage("CompanyApprovalPending", company)).toMatch(/waiting for an admin's approval/);
    expect(companySignInMessage("OAuthCallback", company)).toMatch(/could not be verified/);
    expect(companySignInMessage("<script>", company)).toBeNull();
    expect(companySignInMessage("CredentialsSignin", company)).toBeNull();
  });
});
