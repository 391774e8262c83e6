import { createRequire } from "node:module";
import path from "node:path";
import type { NextAuthOptions } from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";
import { env } from "@/lib/env";

/**
 * The authorization-code flow end to end: next-auth's own handler (the code behind
 * /api/auth/[...nextauth], called in-process with the app's authOptions) and the identity
 * provider over real HTTP, each with its own cookie jar. Nothing is stubbed: discovery, the code
 * exchange and the ID-token checks are openid-client's against the running provider.
 */
type ResponseInternal = {
  status?: number;
  body?: unknown;
  redirect?: string;
  cookies?: Array<{ name: string; value: string; options?: { maxAge?: number } }>;
};

// next-auth's core handler is not in its package exports; loaded by file path (the same module the route runs).
const { AuthHandler } = createRequire(import.meta.url)(
  path.resolve(import.meta.dirname, "../../../node_modules/next-auth/core/index.js"),
) as { AuthHandler: (params: { req: Record<string, unknown>; options: NextAuthOptions }) => Promise<ResponseInternal> };

export const SESSION_COOKIE = "next-auth.session-token";

export type FlowResult = {
  /** Where the browser ends up (outside /api/auth). */
  landedOn: URL;
  /** `?error=` of the login page, when it ended there. */
  error: string | null;
  sessionCookie: string | null;
};

export class AuthBrowser {
  readonly app = new Map<string, string>();
  readonly idp = new Map<string, string>();

  /** One request to next-auth's handler, as the route would make it; keeps the cookies it sets. */
  async auth(
    method: "GET" | "POST",
    path: string,
    input: { query?: Record<string, string>; body?: Record<string, string> } = {},
  ): Promise<ResponseInternal> {
    const [action, providerId] = path.split("/") as [string, string | undefined];
    const host = new URL(env.NEXTAUTH_URL).host;
    const response = await AuthHandler({
      req: {
        action,
        providerId,
        method,
        query: { ...input.query, nextauth: [action, ...(providerId ? [providerId] : [])] },
        body: input.body,
        cookies: Object.fromEntries(this.app),
        headers: { host },
        error: input.query?.error,
      },
      options: authOptions,
    });
    for (const cookie of response.cookies ?? []) {
      if (!cookie.value || cookie.options?.maxAge === 0) this.app.delete(cookie.name);
      else this.app.set(cookie.name, cookie.value);
    }
    return response;
  }

  /** Clicks "Sign in with <company>", logs in at the provider as `account`, and follows every redirect. */
  async signInWithCompany(account: string, callbackUrl = `${env.NEXTAUTH_URL}/queue`): Promise<FlowResult> {
    const { body } = await this.auth("GET", "csrf");
    const csrfToken = (body as { csrfToken: string }).csrfToken;
    const start = await this.auth("POST", "signin/company", { body: { csrfToken, callbackUrl } });
    const callback = await this.followProvider(start.redirect!, account);
    return this.followApp(callback);
  }

  /** Follows the provider's redirects (login screen included) until it sends the browser back to the app. */
  private async followProvider(url: string, account: string): Promise<URL> {
    let next = new URL(url);
    for (let hop = 0; hop < 10; hop++) {
      if (next.origin === new URL(env.NEXTAUTH_URL).origin) return next;
      if (next.pathname.startsWith("/interaction/") && !next.searchParams.has("login"))
        next.searchParams.set("login", account);
      const response = await fetch(next, { redirect: "manual", headers: { cookie: cookieHeader(this.idp) } });
      for (const line of response.headers.getSetCookie()) keepCookie(this.idp, line);
      const location = response.headers.get("location");
      if (!location) throw new Error(`The provider answered ${response.status}: ${await response.text()}`);
      next = new URL(location, next);
    }
    throw new Error("Too many redirects at the provider");
  }

  /** Runs next-auth's handler for each redirect into /api/auth, as the browser would, until it leaves. */
  private async followApp(url: URL): Promise<FlowResult> {
    let next = url;
    for (let hop = 0; hop < 10 && next.pathname.startsWith("/api/auth/"); hop++) {
      const response = await this.auth("GET", next.pathname.slice("/api/auth/".length), {
        query: Object.fromEntries(next.searchParams),
      });
      if (!response.redirect) throw new Error(`next-auth answered ${response.status ?? 200} at ${next.pathname}`);
      next = new URL(response.redirect, env.NEXTAUTH_URL);
    }
    return {
      landedOn: next,
      error: next.pathname === "/login" ? next.searchParams.get("error") : null,
      sessionCookie: this.app.get(SESSION_COOKIE) ?? null,
    };
  }
}

function cookieHeader(jar: Map<string, string>) {
  return [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
}

/** Enough of Set-Cookie for a test browser: name=value, and removal by Max-Age=0 or a past Expires. */
function keepCookie(jar: Map<string, string>, line: string) {
  const [pair = "", ...attributes] = line.split(";").map((part) => part.trim());
  const name = pair.slice(0, pair.indexOf("="));
  const value = pair.slice(pair.indexOf("=") + 1);
  const expired = attributes.some((a) => {
    const [key = "", val = ""] = a.split("=");
    if (key.toLowerCase() === "max-age") return Number(val) <= 0;
    if (key.toLowerCase() === "expires") return new Date(val).getTime() <= Date.now();
    return false;
  });
  if (expired || !value) jar.delete(name);
  else jar.set(name, value);
}
