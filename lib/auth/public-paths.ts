/**
 * Paths the proxy lets through without a staff session. Everything else needs one. Each entry
 * is a prefix matched on whole segments ("/connect" matches "/connect/abc", not "/connected").
 * Pages, actions and route handlers still authorize on their own; this list is convenience.
 */
export const PUBLIC_PATHS = [
  "/login",
  "/forbidden",
  "/invite", // one-time set-password links for invited staff
  "/connect", // merchants' one-time key links, no staff login
  "/m", // merchants' own progress pages (signed links in reminders)
  "/api/auth", // next-auth's own endpoints
  "/api/signups", // bearer token checked by the route
  "/api/health", // liveness/readiness for the load balancer
] as const;

/** Static files are served without a session (the matcher skips most; this catches the rest). */
const STATIC = /^\/(_next\/|favicon\.ico$|robots\.txt$|.*\.(?:svg|png|jpg|jpeg|gif|webp|ico|css|js|map|txt|woff2?)$)/;

export function isPublicPath(pathname: string): boolean {
  if (STATIC.test(pathname)) return true;
  return PUBLIC_PATHS.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}
