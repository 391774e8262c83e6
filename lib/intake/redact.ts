/**
 * The body as triage shows and stores it: every long run of letters and digits that could be a
 * key or a secret (24 to 48 characters with a digit in it, so mistyped ones too) is masked. Pure.
 */
const LONG_RUN = /(?<![A-Za-z0-9])[A-Za-z0-9]{24,48}(?![A-Za-z0-9])/g;
export const MASK = "[hidden: 32 letters or digits]";

export function redactTokens(text: string): string {
  return text.replace(LONG_RUN, (run) =>
    /[0-9]/.test(run) ? (run.length === 32 ? MASK : `[hidden: ${run.length} characters]`) : run,
  );
}

/** Triage shows a preview, not an archive: the first `max` characters of the redacted body. */
export function redactedPreview(text: string, max = 4000): string {
  const redacted = redactTokens(text.trim());
  return redacted.length > max ? `${redacted.slice(0, max)}…` : redacted;
}
