import type { DiagnosticCode } from '../model/diagnostic.js';
import type { Span } from '../model/span.js';
import { applyEdits, mapIdentity, toOriginalSpan, withText, type Edit, type MappedText } from './mapped-text.js';
import { chromeWords, isChromeLine, isPreviewCut, mayBeChromeLine } from './site-chrome.js';
import { isResidueAt, runEndAt } from './space-runs.js';
import { foldWidths } from './fold-width.js';

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
 * Normalises a plan's text for reading, keeping an offset map to the original: drops a BOM, the CR
 * of CRLF and form feeds, reads a lone CR, a vertical tab, U+2028 and U+2029 as line breaks,
 * folds fullwidth ASCII to halfwidth, removes spaces between Chinese characters and figures (PDF and
 * HTML spacing), markup residue such as `[bookmark: _GoBack]`, document-sharing site
 * chrome (upload info, page counters, footers) and page markers (`2、` at a line start that cuts a sentence).
 *
 * @example
 * const { mt } = normalizeText('到 2025 年，比例达到１５％');
 * mt.text; // '到2025年,比例达到15%'
 */
export function normalizeText(original: string, options: NormalizeOptions = {}): NormalizedText {
  if (typeof original !== 'string') throw new TypeError('normalizeText: the text must be a string');
  const identity = mapIdentity(original);
  // One pass folds the width (the same string comes back when there is nothing to fold), after line
  // breaks other than LF (a lone CR, a vertical tab, U+2028, U+2029) became LF: both are one for one.
  const folded = foldWidths(foldLineBreaks(original));
  let mt = folded === original ? identity : withText(identity, folded);
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
  // Residues, space runs and chrome words never cross a line break: chrome words are found in one pass
  // over the whole text, then taken line by line; residues and space runs are read in each line that
  // stays (a site-chrome line is dropped whole, its runs with it).
  const words = chromeWords(text);
  let hi = 0;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let worded = false;
    while (hi < words.length && words[hi]! < lineEnd) {
      worded = true;
      hi++;
    }
    // The patterns run only on a line that could match one of them.
    if ((worded || mayBeChromeLine(text, lineStart, lineEnd)) && isChromeLine(text.slice(lineStart, lineEnd))) {
      edits.push({ start: lineStart, end: Math.min(lineEnd + 1, text.length), replacement: '' });
      note('noise/site-chrome', toOriginalSpan(mt, lineStart, lineEnd));
    } else {
      lineEdits(text, lineStart, lineEnd, edits, note, mt);
    }
    lineStart = lineEnd + 1;
  }
  mt = applyEdits(mt, edits);
  mt = removePageMarkers(mt, (span) => note('noise/page-markers', span));
  return { mt, notes, previewCut };
}

/**
 * A line break other than LF and CRLF: a CR not followed by LF (old Mac files), a vertical tab (Word's
 * manual line break in some exports), LS, PS. Not NEL (U+0085): in a Chinese text it is the trace of
 * UTF-8 read as Latin-1 (mojibake), which must stay whole to be found.
 */
const OTHER_LINE_BREAK = /\r(?!\n)|[\v\u2028\u2029]/gu;

/** `text` with every {@link OTHER_LINE_BREAK} made LF (the same string when there is none). */
function foldLineBreaks(text: string): string {
  OTHER_LINE_BREAK.lastIndex = 0;
  return OTHER_LINE_BREAK.test(text) ? text.replace(OTHER_LINE_BREAK, '\n') : text;
}

function isLatinLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/**
 * Space removal and residue removal within the line [lineStart, lineEnd) of `text`, from the matches of
 * RESIDUE_OR_SPACE in it (space-runs.ts); a residue is noted. Edits come out in text order.
 */
function lineEdits(
  text: string,
  lineStart: number,
  lineEnd: number,
  edits: Edit[],
  note: (code: NormalizeNote['code'], span: Span) => void,
  mt: MappedText,
): void {
  for (let s = lineStart; s < lineEnd; ) {
    const e = runEndAt(text, s);
    if (e < 0) {
      s++;
      continue;
    }
    if (isResidueAt(text, s)) {
      edits.push({ start: s, end: e, replacement: '' });
      note('noise/markup-residue', toOriginalSpan(mt, s, e));
    } else {
      // A space between two Latin letters (inside the line) stays, as one space.
      const keep = s > lineStart && e < lineEnd && isLatinLetter(text.charCodeAt(s - 1)) && isLatinLetter(text.charCodeAt(e));
      if (!(keep && e - s === 1 && text.charCodeAt(s) === 0x20)) edits.push({ start: s, end: e, replacement: keep ? ' ' : '' });
    }
    s = e;
  }
}

/** Characters that end a sentence before a line break (a page marker after them starts a list item). */
const TERMINAL = new Set([...'。!?;:)]」』”…'].map((c) => c.charCodeAt(0)));
const IDEOGRAPHIC_COMMA = 0x3001; // 、

/** The marker `n、` (one to three digits) at line start `at`: its length, or 0. */
function markerAt(text: string, at: number): number {
  let i = at;
  while (i < text.length && i - at <= 3 && isDigit(text.charCodeAt(i))) i++;
  const digits = i - at;
  return digits >= 1 && digits <= 3 && text.charCodeAt(i) === IDEOGRAPHIC_COMMA ? digits + 1 : 0;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** The fewest characters between two page markers (a sharing site's preview pages hold about 300). */
const MIN_PAGE = 80;

/** A line a list item may follow without a stop: a heading (一、…, (一)…) or a note of units (责任单位:…, 【牵头单位】…). */
const ITEM_BEFORE = /^[ \t]*(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]|【?(?:牵头|责任|主责|配合|协办|参与)(?:单位|部门))/u;

/** Whether the line ending at `end` is one {@link ITEM_BEFORE} says a list item may follow. */
function endsItem(text: string, end: number): boolean {
  const start = text.lastIndexOf('\n', end - 1) + 1;
  return ITEM_BEFORE.test(text.slice(start, Math.min(end, start + 16)));
}

/**
 * Page markers of document-sharing sites: `1、` `2、` … at line starts, numbered from 1 without gaps,
 * where most of them cut a sentence (the line before does not end a sentence). A numbered list, whose
 * items follow finished sentences, is left alone.
 */
function removePageMarkers(mt: MappedText, onMarker: (span: Span) => void): MappedText {
  const text = mt.text;
  const seq: { at: number; len: number; cut: boolean }[] = [];
  // Line starts are visited in order; a marker is `\d{1,3}、` right at one.
  for (let at = 0; ; ) {
    const len = markerAt(text, at);
    if (len > 0) {
      const n = Number(text.slice(at, at + len - 1));
      let skip = false;
      if (n !== seq.length + 1) {
        if (n === 1 && seq.length < 3) seq.length = 0;
        else skip = true;
      }
      if (!skip) {
        // The text before the marker (at most 200 units), without the line breaks that end it.
        const floor = Math.max(0, at - 200);
        let k = at;
        while (k > floor && text.charCodeAt(k - 1) === 0x0a) k--;
        // (A page holds more than a short line: items of a list of short lines are no pages.)
        const page = seq.length === 0 || at - seq[seq.length - 1]!.at >= MIN_PAGE;
        seq.push({ at, len, cut: page && k > floor && !TERMINAL.has(text.charCodeAt(k - 1)) && !endsItem(text, k) });
      }
    }
    const nl = text.indexOf('\n', at);
    if (nl < 0) break;
    at = nl + 1;
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
