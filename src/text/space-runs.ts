/**
 * Markup residue (group 1) or a run of horizontal spaces, in one scan: a residue starts and ends with
 * a non-space, so the runs found are the same as two separate scans would find, less the runs inside
 * residues (which are removed with them anyway).
 * `[^\S\n]` where a line-by-line reading had `\s`: a match never runs past the end of its line.
 * (The normaliser reads it through {@link residueAndSpaceRuns}; kept as the reference it is tested against.)
 */
export const RESIDUE_OR_SPACE = /(\[bookmark:[^[\]\n]*\]|<\/?[a-z][a-z0-9]*(?:[^\S\n][^<>\n]*)?>|&nbsp;)|[ \t\f\u00a0\u2002-\u200b\u3000\ufeff\r]+/giu;

/** RESIDUE_OR_SPACE's first alternative (the residue), anchored at `lastIndex`. */
const RESIDUE_AT = /\[bookmark:[^[\]\n]*\]|<\/?[a-z][a-z0-9]*(?:[^\S\n][^<>\n]*)?>|&nbsp;/iuy;

const OPEN_SQUARE = 0x5b; // [
const LESS_THAN = 0x3c; // <
const AMPERSAND = 0x26; // &

/**
 * A unit of RESIDUE_OR_SPACE's space class: space, tab, form feed (pdftotext's page break, at the
 * start of a page's first line), U+00A0, U+2002–U+200B, U+3000, BOM, CR.
 */
function isRunSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0c || c === 0x0d || c === 0xa0 || (c >= 0x2002 && c <= 0x200b) || c === 0x3000 || c === 0xfeff;
}

/**
 * The end of the match of RESIDUE_OR_SPACE that a left-to-right scan finds starting at `i`, or -1 when
 * none starts there: a residue (tried only at `[` `<` `&`, the characters one starts with, none of them a
 * space) or a run of spaces (read unit by unit). No match array is made: a plan has thousands of space
 * runs and a handful of residues. A match never holds a line break, so a line can be read on its own.
 */
export function runEndAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === OPEN_SQUARE || c === LESS_THAN || c === AMPERSAND) {
    RESIDUE_AT.lastIndex = i;
    const end = RESIDUE_AT.test(text) ? RESIDUE_AT.lastIndex : -1;
    RESIDUE_AT.lastIndex = 0;
    return end;
  }
  if (!isRunSpace(c)) return -1;
  let j = i + 1;
  while (j < text.length && isRunSpace(text.charCodeAt(j))) j++;
  return j;
}

/** Whether the match starting at `i` is a residue (RESIDUE_OR_SPACE's group 1) rather than spaces. */
export function isResidueAt(text: string, i: number): boolean {
  return !isRunSpace(text.charCodeAt(i));
}

/**
 * The matches of RESIDUE_OR_SPACE in [start, end) of `text`, as a flat list of triples: start, end and 1
 * for a residue or 0 for spaces (what the normaliser reads line by line with {@link runEndAt}).
 */
export function residueAndSpaceRuns(text: string, start = 0, end = text.length): number[] {
  const out: number[] = [];
  for (let i = start; i < end; ) {
    const e = runEndAt(text, i);
    if (e < 0) {
      i++;
      continue;
    }
    out.push(i, e, isResidueAt(text, i) ? 1 : 0);
    i = e;
  }
  return out;
}
