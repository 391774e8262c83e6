/**
 * The client's IP for per-IP throttling. Behind our reverse proxy the right-most
 * `x-forwarded-for` entry is the address the proxy saw; left-most entries are client-supplied
 * and could be rotated to dodge the limit. The per-email limit holds either way.
 */
export function clientIp(headers: Record<string, string | string[] | undefined> | Headers): string {
  const get = (name: string) => {
    const value = headers instanceof Headers ? headers.get(name) : headers[name];
    return Array.isArray(value) ? value.join(",") : value;
  };
  const forwarded = get("x-forwarded-for")?.split(",").map((s) => s.trim()).filter(Boolean);
  return forwarded?.at(-1) ?? get("x-real-ip") ?? "unknown";
}
