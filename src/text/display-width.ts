/**
 * Terminal columns a string takes: East Asian wide and fullwidth characters take two, combining marks
 * none, everything else one. Enough for Chinese plan text in a terminal table.
 */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 32 || (c >= 0x7f && c < 0xa0) || (c >= 0x300 && c < 0x370) || c === 0x200b) continue;
    w += isWide(c) ? 2 : 1;
  }
  return w;
}

function isWide(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0x303e) ||
    (c >= 0x3041 && c <= 0x33ff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xa000 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0x1f300 && c <= 0x1f64f) ||
    (c >= 0x20000 && c <= 0x3fffd)
  );
}

/** Pads (or cuts, with …) a string to exactly `width` columns. */
export function padDisplay(s: string, width: number, align: 'left' | 'right' = 'left'): string {
  let out = s;
  if (displayWidth(out) > width) {
    let acc = '';
    for (const ch of s) {
      if (displayWidth(acc + ch) > width - 1) break;
      acc += ch;
    }
    out = `${acc}…`;
  }
  const pad = ' '.repeat(Math.max(0, width - displayWidth(out)));
  return align === 'left' ? out + pad : pad + out;
}

/** A table as text: columns padded by display width, a rule under the header. */
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[], align: readonly ('left' | 'right')[] = []): string {
  const widths = header.map((h, i) => Math.min(40, Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? '')))));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => padDisplay(c, widths[i]!, align[i] ?? 'left')).join('  ').replace(/\s+$/u, '');
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n') + '\n';
}

/** Control characters a terminal acts on (escape sequences, carriage return, C1, bidi overrides), not line breaks or tabs. */
const TERMINAL_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;

/**
 * Text for a terminal: every control character it would act on (an escape sequence from a plan's
 * text could recolour, retitle or rewrite the screen) shown as U+FFFD; line breaks and tabs stay.
 */
export function terminalSafe(s: string): string {
  TERMINAL_CONTROL.lastIndex = 0;
  return TERMINAL_CONTROL.test(s) ? s.replace(TERMINAL_CONTROL, '\ufffd') : s;
}
