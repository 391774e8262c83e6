/**
 * What a 2xx must look like to be believed: a JSON object without an `error` key (the
 * official client treats an `error` key as a failure even on 2xx). Anything else — an HTML
 * maintenance page, a proxy's login form — is a bad response, never a grant. Pure.
 */
export type BodyCheck = { ok: true; body: Record<string, unknown> } | { ok: false; reason: string };

export function checkSuccessBody(text: string): BodyCheck {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, reason: "body is not JSON" };
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    return { ok: false, reason: "body is not a JSON object" };
  if (Object.hasOwn(parsed, "error")) return { ok: false, reason: "body carries an error envelope" };
  return { ok: true, body: parsed as Record<string, unknown> };
}

/** The API wraps every answer in one root key: `{"account": {...}}`, `{"count": 3}`. */
export function unwrapEnvelope(body: Record<string, unknown>, root: string): unknown {
  return Object.hasOwn(body, root) ? body[root] : undefined;
}
