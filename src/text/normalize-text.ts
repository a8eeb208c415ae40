import type { DiagnosticCode } from '../model/diagnostic.js';
import type { Span } from '../model/span.js';
import { applyEdits, mapChars, mapIdentity, toOriginalSpan, type Edit, type MappedText } from './mapped-text.js';
import { isChromeLine, isPreviewCut } from './site-chrome.js';

/** Something the normaliser removed or noticed, for diagnostics. */
export interface NormalizeNote {
  code: Extract<DiagnosticCode, 'noise/site-chrome' | 'noise/page-markers' | 'noise/markup-residue'>;
  count: number;
  /** The first occurrence, in the original text. */
  span: Span;
}

export interface NormalizedText {
  mt: MappedText;
  notes: NormalizeNote[];
  /** The text is a document-sharing site's preview that stops before the end. */
  previewCut: boolean;
}

/** A hook for script conversion and other one-for-one or edit-based passes run before structure is read. */
export type TextPass = (mt: MappedText) => MappedText;

export interface NormalizeOptions {
  /** Extra passes (traditional → simplified, pinyin removal …) run after width folding, in order. */
  passes?: readonly TextPass[];
}

/**
 * Normalises a plan's text for reading, keeping an offset map to the original: drops a BOM and
 * carriage returns, folds fullwidth ASCII to halfwidth, removes spaces between Chinese characters and
 * figures (PDF and HTML spacing), markup residue such as `[bookmark: _GoBack]`, document-sharing site
 * chrome (upload info, page counters, footers) and page markers (`2、` at a line start that cuts a sentence).
 *
 * @example
 * const { mt } = normalizeText('到 2025 年，比例达到１５％');
 * mt.text; // '到2025年,比例达到15%'
 */
export function normalizeText(original: string, options: NormalizeOptions = {}): NormalizedText {
  const identity = mapIdentity(original);
  let mt = FULLWIDTH_ASCII.test(original) ? mapChars(identity, foldWidth) : identity;
  for (const pass of options.passes ?? []) mt = pass(mt);
  const notes: NormalizeNote[] = [];
  const note = (code: NormalizeNote['code'], span: Span) => {
    const n = notes.find((x) => x.code === code);
    if (n) n.count++;
    else notes.push({ code, count: 1, span });
  };

  const previewCut = isPreviewCut(mt.text);
  const edits: Edit[] = [];
  const text = mt.text;
  // Residue and space runs never cross a line break: found in one pass each over the whole text, then
  // taken line by line (a site-chrome line is dropped whole, its runs with it).
  const residues = [...text.matchAll(RESIDUE)];
  const spaces = [...text.matchAll(HSPACE)];
  let ri = 0;
  let si = 0;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const r0 = ri;
    while (ri < residues.length && residues[ri]!.index < lineEnd) ri++;
    const s0 = si;
    while (si < spaces.length && spaces[si]!.index < lineEnd) si++;
    if (isChromeLine(text.slice(lineStart, lineEnd))) {
      edits.push({ start: lineStart, end: Math.min(lineEnd + 1, text.length), replacement: '' });
      note('noise/site-chrome', toOriginalSpan(mt, lineStart, lineEnd));
    } else if (r0 < ri || s0 < si) {
      lineEdits(text, lineStart, lineEnd, residues.slice(r0, ri), spaces.slice(s0, si), edits, (s, e) => note('noise/markup-residue', toOriginalSpan(mt, s, e)));
    }
    lineStart = lineEnd + 1;
  }
  mt = applyEdits(mt, edits);
  mt = removePageMarkers(mt, (span) => note('noise/page-markers', span));
  return { mt, notes, previewCut };
}

const HSPACE = /[ \t\u00a0\u2002-\u200b\u3000\ufeff\r]+/gu;
// `[^\S\n]` where a line-by-line reading had `\s`: a match never runs past the end of its line.
const RESIDUE = /\[bookmark:[^\]\n]*\]|<\/?[a-z][a-z0-9]*(?:[^\S\n][^<>\n]*)?>|&nbsp;/giu;

function isLatinLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** Space removal and residue removal within the line [lineStart, lineEnd) of `text`, from the runs found in it. */
function lineEdits(
  text: string,
  lineStart: number,
  lineEnd: number,
  residues: readonly RegExpExecArray[],
  spaces: readonly RegExpExecArray[],
  edits: Edit[],
  onResidue: (s: number, e: number) => void,
): void {
  const local: Edit[] = [];
  for (const m of residues) {
    local.push({ start: m.index, end: m.index + m[0].length, replacement: '' });
    onResidue(m.index, m.index + m[0].length);
  }
  for (const m of spaces) {
    const s = m.index;
    const e = s + m[0].length;
    if (local.some((r) => s < r.end && e > r.start)) continue;
    // A space between two Latin letters (inside the line) stays, as one space.
    const keep = s > lineStart && e < lineEnd && isLatinLetter(text.charCodeAt(s - 1)) && isLatinLetter(text.charCodeAt(e));
    if (keep && m[0] === ' ') continue;
    local.push({ start: s, end: e, replacement: keep ? ' ' : '' });
  }
  for (const x of local) edits.push(x);
}

const FULLWIDTH_ASCII = /[\uff01-\uff5e]/u;

/** Fullwidth ASCII (U+FF01–U+FF5E) to halfwidth; the ideographic space is handled as a space. */
function foldWidth(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c >= 0xff01 && c <= 0xff5e) return String.fromCharCode(c - 0xfee0);
  return ch;
}

const MARKER_LINE = /(?:^|\n)(?<n>\d{1,3})、/gu;
const TERMINAL = /[。!?;:)\]」』”…]$/u;

/**
 * Page markers of document-sharing sites: `1、` `2、` … at line starts, numbered from 1 without gaps,
 * where most of them cut a sentence (the line before does not end a sentence). A numbered list, whose
 * items follow finished sentences, is left alone.
 */
function removePageMarkers(mt: MappedText, onMarker: (span: Span) => void): MappedText {
  const text = mt.text;
  const seq: { at: number; len: number; cut: boolean }[] = [];
  for (const m of text.matchAll(MARKER_LINE)) {
    const n = Number(m.groups!['n']);
    const at = m.index + (m[0].startsWith('\n') ? 1 : 0);
    if (n !== seq.length + 1) {
      if (n === 1 && seq.length < 3) seq.length = 0;
      else continue;
      if (n !== 1) continue;
    }
    const prev = text.slice(Math.max(0, at - 200), at).replace(/\n+$/u, '');
    seq.push({ at, len: m[0].length - (m[0].startsWith('\n') ? 1 : 0), cut: prev.length > 0 && !TERMINAL.test(prev) });
  }
  if (seq.length < 3) return mt;
  const cuts = seq.slice(1).filter((s) => s.cut).length;
  if (cuts * 2 < seq.length - 1) return mt;
  const edits: Edit[] = [];
  for (const s of seq) {
    let start = s.at;
    if (s.cut) while (start > 0 && text[start - 1] === '\n') start--;
    edits.push({ start, end: s.at + s.len, replacement: '' });
    onMarker(toOriginalSpan(mt, s.at, s.at + s.len));
  }
  return applyEdits(mt, edits);
}
