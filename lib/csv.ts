/** One CSV cell: quoted, quotes doubled; a leading = + - @ is defused so spreadsheets show text, not formulas. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}

/** Rows of cells as CSV text with CRLF line ends (RFC 4180), a header first. */
export function csvText(rows: string[][]): string {
  return rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

export const CSV_HEADERS = { "Content-Type": "text/csv; charset=utf-8", "Cache-Control": "no-store" };
