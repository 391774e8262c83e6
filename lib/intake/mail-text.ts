/**
 * A received email's body as lines, each marked as the merchant's own words, quoted from an
 * earlier message, or part of a signature. Pure: the intake parses MIME with mailparser and hands
 * the text and HTML parts here. Forwarded messages count as the merchant's own words (a merchant
 * forwards the colleague's mail that holds the key); replies' quoted history does not.
 */
export type BodyLine = { text: string; quoted: boolean; signature: boolean };

const ENTITIES: Record<string, string> = { nbsp: " ", amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** HTML to text, keeping line breaks and marking <blockquote> lines with "> " as mail clients do. */
export function htmlToText(html: string): string {
  let depth = 0;
  const withQuotes = html
    .replace(/<(script|style|head)[\s\S]*?<\/\1>/gi, "")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(p|div|tr|li|h[1-6]|table|blockquote)>/gi, (m) => `${m}\n`)
    .replace(/<(\/?)blockquote[^>]*>/gi, (_m, close: string) => {
      depth = Math.max(0, depth + (close ? -1 : 1));
      return `\u0000${depth}\u0000`;
    })
    .replace(/<(td|th)[^>]*>/gi, " ")
    .replace(/<[^>]+>/g, "")
    .replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (m, name: string) => {
      if (name.startsWith("#x") || name.startsWith("#X")) return String.fromCodePoint(parseInt(name.slice(2), 16));
      if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
      return ENTITIES[name.toLowerCase()] ?? m;
    });
  // Lines after a blockquote marker (until it closes) are prefixed with ">" per level.
  let level = 0;
  const lines: string[] = [];
  for (const segment of withQuotes.split(/(\u0000\d+\u0000)/)) {
    const marker = /^\u0000(\d+)\u0000$/.exec(segment);
    if (marker) {
      level = Number(marker[1]);
      lines.push("");
      continue;
    }
    const prefix = "> ".repeat(level);
    lines.push(
      segment
        .split("\n")
        .map((line) => (line.trim() ? prefix + line : line))
        .join("\n"),
    );
  }
  return lines
    .join("\n")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n");
}

// "On Tue, 3 May 2026 at 10:40, X wrote:" in the four languages, and Outlook's separators.
const QUOTE_HEADER = [
  /^on .{4,200}wrote:?\s*$/i,
  /^op .{4,200}schreef .{0,120}$/i,
  /^am .{4,200}schrieb .{0,120}$/i,
  /^le .{4,200}a écrit\s*:?\s*$/i,
];
const OUTLOOK_SEPARATOR =
  /^-{2,}\s*(original message|oorspronkelijk bericht|ursprüngliche nachricht|message d'origine)\s*-{2,}$/i;
const OUTLOOK_FROM = /^(from|van|von|de)\s*:\s*\S/i;
const FORWARD_HEADER =
  /^-{2,}\s*(forwarded message|doorgestuurd bericht|weitergeleitete nachricht|message transféré|begin forwarded message)\s*-{0,}/i;
const FORWARD_SUBJECT = /^\s*(fwd?|doorst|wg|tr)\s*:/i;
const SIGNATURE_DELIMITER = /^--\s?$/;

/**
 * Splits the body into marked lines. `subject` tells a forward ("Fwd:", "Doorst:", "WG:", "TR:")
 * from a reply: an Outlook "From:/Van:" block is history in a reply but the content in a forward.
 */
export function bodyLines(text: string, subject = ""): BodyLine[] {
  let forward = FORWARD_SUBJECT.test(subject);
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const out: BodyLine[] = [];
  let history = false;
  let signature = false;
  for (const raw of lines) {
    const trimmed = raw.trim();
    if (FORWARD_HEADER.test(trimmed)) {
      // A forwarded message starts: its own words again, and its own signature rules.
      signature = false;
      forward = true;
      out.push({ text: raw, quoted: false, signature: false });
      continue;
    }
    const outlook = OUTLOOK_SEPARATOR.test(trimmed) || OUTLOOK_FROM.test(trimmed);
    // In a forward, Outlook's header block introduces the forwarded content, not history.
    if (!history && (QUOTE_HEADER.some((re) => re.test(trimmed)) || (outlook && !forward))) history = true;
    if (SIGNATURE_DELIMITER.test(raw)) signature = true;
    out.push({ text: raw, quoted: history || trimmed.startsWith(">"), signature: signature && !history });
  }
  return out;
}
