import { createPrivateKey, generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

/**
 * A real OpenID Connect provider (the `oidc-provider` package, v8: Node 18/20 LTS) on loopback,
 * for company sign-in tests. One static confidential client, a few accounts with fixed claims,
 * its own RS256 signing key, authorization code + PKCE. The login screen is ours and trivial:
 * `GET /interaction/<uid>?login=<account id>` signs that account in (without `login` it shows a
 * one-field form, for a browser). Consent is implied (first-party client).
 *
 *   const idp = await startOidcProvider({ redirectUris: ["http://localhost:3000/api/auth/callback/company"] });
 *   idp.tamperNextIdToken((claims) => ({ ...claims, aud: "another-client" })); // re-signed with the provider's key
 */
export type OidcAccount = {
  email: string;
  email_verified: boolean;
  name?: string;
  groups?: string[];
};

export const OIDC_CLIENT = { clientId: "actenzo-console", clientSecret: "test-oidc-client-secret-0123456789" };

export type StartedOidcProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Accounts by id (the `sub`); tests may add or change them while the provider runs. */
  accounts: Map<string, OidcAccount>;
  /** The next ID token the token endpoint hands out is rewritten by `change` and signed again with the provider's key. */
  tamperNextIdToken(change: (claims: Record<string, unknown>) => Record<string, unknown>): void;
  stop(): Promise<void>;
};

export async function startOidcProvider(options: {
  redirectUris: string[];
  accounts?: Record<string, OidcAccount>;
  port?: number;
}): Promise<StartedOidcProvider> {
  const accounts = new Map(Object.entries(options.accounts ?? {}));
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: "jwk" }), kid: "test-key-1", alg: "RS256", use: "sig" };
  let tamper: ((claims: Record<string, unknown>) => Record<string, unknown>) | null = null;

  // Listen first: the issuer URL must carry the port the provider is reached on.
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.writeHead(503).end();
  const server: Server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: OIDC_CLIENT.clientId,
        client_secret: OIDC_CLIENT.clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: ["test-oidc-cookie-key"] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
    // Scope claims in the ID token itself: next-auth reads the person from the ID token.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
    async findAccount(_ctx, id) {
      const account = accounts.get(id);
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...accounts.get(id) }) };
    },
    // First-party client: everything it asks for is granted without a consent screen.
    async loadExistingGrant(ctx) {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId!,
      });
      grant.addOIDCScope(String(ctx.oidc.params?.scope ?? "openid"));
      await grant.save();
      return grant;
    },
    renderError(ctx, out) {
      ctx.type = "json";
      ctx.body = out;
    },
  });

  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path === "/token" && ctx.status === 200 && body?.id_token && tamper) {
      const change = tamper;
      tamper = null;
      body.id_token = resign(body.id_token, change, createPrivateKey({ key: jwk, format: "jwk" }));
    }
  });

  const callback = provider.callback();
  handler = (req, res) => {
    const url = new URL(req.url ?? "/", issuer);
    if (url.pathname.startsWith("/interaction/")) {
      interact(provider, url, req, res).catch((error: unknown) => res.writeHead(500).end(String(error)));
    } else {
      void callback(req, res);
    }
  };

  return {
    issuer,
    ...OIDC_CLIENT,
    accounts,
    tamperNextIdToken(change) {
      tamper = change;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The provider's login screen: `?login=<account id>` signs in at once; otherwise a one-field form. */
async function interact(provider: Provider, url: URL, req: IncomingMessage, res: ServerResponse) {
  const details = await provider.interactionDetails(req, res);
  const login = url.searchParams.get("login");
  if (!login) {
    res
      .writeHead(200, { "content-type": "text/html" })
      .end(
        `<!doctype html><title>Test identity provider</title><form method="get" action="/interaction/${details.uid}">` +
          `<label>Account <input name="login" autofocus></label><button type="submit">Continue</button></form>`,
      );
    return;
  }
  await provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
}

/** Rewrites a JWT's claims and signs it again with `key` (RS256, same header): a token only the claims make bad. */
function resign(jwt: string, change: (claims: Record<string, unknown>) => Record<string, unknown>, key: KeyObject) {
  const [header, payload] = jwt.split(".") as [string, string];
  const claims = change(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>);
  const input = `${header}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}`;
  return `${input}.${sign("RSA-SHA256", Buffer.from(input), key).toString("base64url")}`;
}
