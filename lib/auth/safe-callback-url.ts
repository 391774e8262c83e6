/** Where to go after sign-in: only a same-site path, so a crafted link cannot bounce users elsewhere. */
export function safeCallbackUrl(value: string | string[] | null | undefined, fallback = "/queue"): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw) return fallback;
  let url: URL;
  try {
    url = new URL(raw, "http://console.invalid");
  } catch {
    return fallback;
  }
  if (url.origin !== "http://console.invalid" || url.pathname.startsWith("/login")) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
