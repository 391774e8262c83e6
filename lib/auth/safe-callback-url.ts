/**
 * Where to go after sign-in. A callback URL is followed only if, resolved against the app's own
 * URL, it keeps the app's origin and its path cannot be read as a host by a browser (`//x` or
 * `/\x`, which WHATWG parsing produces from `/.//x`, `/%2e//x`, `/..//x`, tabs or newlines inside
 * the slashes, …). Anything else, and the login page itself, falls back to the queue.
 * Pure and env-free, so the login form (client) can apply the same rule with its own origin.
 */
export const DEFAULT_CALLBACK_PATH = "/queue";

export function safeCallbackUrl(
  value: string | string[] | null | undefined,
  appUrl: string,
  fallback: string = DEFAULT_CALLBACK_PATH,
): string {
  const path = sameOriginPath(Array.isArray(value) ? value[0] : value, appUrl);
  // Never back to the login page itself (a loop after signing in).
  if (!path || /^\/login(?:[/?#]|$)/.test(path)) return fallback;
  return path;
}

/** The path (with query and hash) of `value` if it stays on `appUrl`'s origin; otherwise null. */
export function sameOriginPath(value: string | null | undefined, appUrl: string): string | null {
  if (!value) return null;
  let base: URL;
  let url: URL;
  try {
    base = new URL(appUrl);
    url = new URL(value, base);
  } catch {
    return null;
  }
  if (url.origin !== base.origin || url.username || url.password) return null;
  const { pathname } = url;
  if (!pathname.startsWith("/") || pathname.startsWith("//") || pathname.startsWith("/\\")) return null;
  return `${pathname}${url.search}${url.hash}`;
}
