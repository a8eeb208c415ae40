/**
 * Escaping for the report renderers. Plan text is untrusted: every string that comes from a plan goes
 * through one of these before it reaches HTML, Markdown or CSV.
 */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text safe in HTML element content and in double- or single-quoted attribute values. C0 controls
 * other than tab and newline (and lone surrogates, which some parsers reject) become U+FFFD.
 */
export function escapeHtml(s: string): string {
  return s
    .replace(/[&<>"']/gu, (c) => HTML_ESCAPES[c]!)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu, '\ufffd');
}

/** An id or class fragment: ASCII letters, digits, `-` and `_` only. */
export function cssIdent(s: string): string {
  return s.replace(/[^A-Za-z0-9_-]/gu, '_');
}

/**
 * Text safe in a GitHub-flavoured Markdown table cell or paragraph: `|` and Markdown punctuation are
 * backslash-escaped, `<`, `>` and `&` become entities (so no raw HTML gets through), and line breaks
 * become spaces (a table row is one line).
 */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/\r\n?|\n/gu, ' ')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/gu, '\ufffd')
    .replace(/&/gu, '&amp;')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;')
    .replace(/[\\`*_[\]|#~!]/gu, (c) => `\\${c}`);
}

/**
 * Text as a Markdown code span: backticks become `'`, line breaks spaces and control characters U+FFFD,
 * so the span stays one span on one line (a file name cannot open a heading or close the span).
 */
export function markdownCode(s: string): string {
  const inner = s
    .replace(/`/gu, "'")
    .replace(/\r\n?|[\n\u0085\u2028\u2029]/gu, ' ')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/gu, '\ufffd');
  return `\`${inner}\``;
}

/**
 * One CSV field per RFC 4180: quoted when it holds a comma, a double quote, CR or LF (quotes doubled).
 * A text field starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'` so that spreadsheet
 * programs do not run it as a formula (numbers are written as numbers and never altered).
 */
export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return /[",\r\n]/u.test(value.raw) ? `"${value.raw.replace(/"/gu, '""')}"` : value.raw;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let s = value;
  if (/^[=+\-@\t\r]/u.test(s)) s = `'${s}`;
  return /[",\r\n]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s;
}

/**
 * A CSV cell: text (guarded against formulas), a number, a boolean, empty, or `{ raw }` — a value from a
 * closed vocabulary (`>=`, `=`) written as is, quoted only when needed.
 */
export type CsvCell = string | number | boolean | null | undefined | { raw: string };

/** One CSV record, CRLF-terminated. */
export function csvRecord(fields: readonly CsvCell[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}
