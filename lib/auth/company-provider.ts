import type { OAuthConfig } from "next-auth/providers/oauth";
import { env } from "@/lib/env";
import { COMPANY_PROVIDER_ID } from "./company-provider-id";

export { COMPANY_PROVIDER_ID };

/**
 * The company's OpenID Connect provider, from OIDC_* (null while OIDC_ISSUER is unset). Endpoints
 * and signing keys come from the issuer's discovery document; next-auth (openid-client) checks the
 * ID token's signature, issuer, audience (our client id), expiry (10 s tolerance) and nonce, and
 * PKCE + state guard the code. Claims are read from the ID token (lib/auth/company-sign-in-rules.ts).
 */
export function companyProvider(): OAuthConfig<Record<string, unknown>> | null {
  if (!env.OIDC_ISSUER) return null;
  return {
    id: COMPANY_PROVIDER_ID,
    name: env.OIDC_DISPLAY_NAME,
    type: "oauth",
    wellKnown: new URL(".well-known/openid-configuration", withSlash(env.OIDC_ISSUER)).toString(),
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    authorization: { params: { scope: env.OIDC_SCOPES } },
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    profile(claims) {
      // Only what next-auth needs to carry on; signInWithCompany() decides who this is.
      const email = typeof claims.email === "string" ? claims.email : null;
      return { id: String(claims.sub), email, name: typeof claims.name === "string" ? claims.name : email };
    },
  };
}

function withSlash(url: string) {
  return url.endsWith("/") ? url : `${url}/`;
}
