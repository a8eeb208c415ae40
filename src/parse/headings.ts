import { textMarks } from '../extract/internal/text-marks.js';
import { ROLE_LINE } from '../extract/internal/patterns.js';
import { isWhiteSpace } from '../text/white-space.js';

/**
 * Heading markers of Chinese government documents, found in a normalised text (halfwidth brackets).
 * Levels: `l1` 一、 ; `l2` (一) — also an OCR'd (A) ; `l3` 1. / 1、 ; `l4` (1) / ① / ⑴ at a line start;
 * `dash` —— at a line start.
 */
export type HeadingLevel = 'l1' | 'l2' | 'l3' | 'l4' | 'dash';

export interface HeadingMarker {
  level: HeadingLevel;
  /** The numbering as written (一、 / (三) / 2. / ——). */
  label: string;
  /** Its ordinal (1-based) when numbered; 0 for dashes and unreadable labels. */
  ordinal: number;
  /** The marker was a Latin letter where a Chinese numeral belongs (OCR damage). */
  ocr: boolean;
  /** Position of the marker; the heading text starts at `textStart`. */
  start: number;
  textStart: number;
}

/**
 * The markers are what the regex
 * `(?<l1>[一…十]{1,3})、|\((?<l2>[一…十]{1,3}|[A-Z])\)|(?<!\d)(?<l3>\d{1,2})(?:[.、](?![\d.])|\s*[)）](?=\S))|(?<dash>——)`
 * finds scanning the text left to right. `scanMarkers` finds the same matches from the characters they
 * end or start with (、 . ) ） ( ——), taken from the text's marks, instead of trying the pattern at every position.
 */
interface MarkerMatch {
  level: HeadingLevel;
  start: number;
  end: number;
  /** The numbering inside (一 / 三 / A / 12); empty for a dash. */
  value: string;
}

const IDEOGRAPHIC_COMMA = 0x3001;
const FULL_STOP = 0x2e;
const OPEN = 0x28;
const CLOSE = 0x29;
const FULL_CLOSE = 0xff09;
const EM_DASH = 0x2014;
/** ① … ⑳, then ⑴ … ⒇. */
const CIRCLED_ONE = 0x2460;
const PARENTHESIZED_ONE = 0x2474;
const PARENTHESIZED_TWENTY = 0x2487;

/** Characters after which a heading may start inside a line. */
const BOUNDARY = new Set([...'\n。;:!?)]】」”》'].map((c) => c.charCodeAt(0)));
const NUMERALS = new Set([...'一二三四五六七八九十'].map((c) => c.charCodeAt(0)));

const isNumeral = (text: string, i: number) => NUMERALS.has(text.charCodeAt(i));
const isDigit = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return c >= 0x30 && c <= 0x39;
};
const isUpper = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return c >= 0x41 && c <= 0x5a;
};

/** Length of the run of `test` units ending before `end` (counted up to `max`). */
function runBefore(text: string, end: number, test: (t: string, i: number) => boolean, max: number): number {
  let n = 0;
  while (n < max && end - n - 1 >= 0 && test(text, end - n - 1)) n++;
  return n;
}

/** The length of the run of characters passing `test` from `start`, at most `max`. */
function runAfter(text: string, start: number, test: (t: string, i: number) => boolean, max: number): number {
  let n = 0;
  while (n < max && start + n < text.length && test(text, start + n)) n++;
  return n;
}

/**
 * The number of digits of an `l3` number ending before `q`: one or two, the whole run (the pattern's
 * look-behind: no digit before them); 0 when there is no such number.
 */
function digitsBefore(text: string, q: number): number {
  const d = runBefore(text, q, isDigit, 3);
  return d >= 1 && d <= 2 ? d : 0;
}

/** All matches in order, as the global regex returns them. */
function scanMarkers(text: string): MarkerMatch[] {
  const found: MarkerMatch[] = [];
  // The characters markers end or start with, in text order, from the text's marks.
  for (const q of textMarks(text).headingChars) {
    const ch = text.charCodeAt(q);
    if (ch === IDEOGRAPHIC_COMMA || ch === FULL_STOP) {
      // 、 ends an l1 (一、) or an l3 (1、); . ends an l3 (1.).
      if (ch === IDEOGRAPHIC_COMMA) {
        // The longest run of at most three numerals before 、: the leftmost start a scan would meet.
        const r = runBefore(text, q, isNumeral, 3);
        if (r > 0) {
          found.push({ level: 'l1', start: q - r, end: q + 1, value: text.slice(q - r, q) });
          continue;
        }
      }
      const d = digitsBefore(text, q);
      if (d > 0 && !isDigit(text, q + 1) && text.charCodeAt(q + 1) !== FULL_STOP) {
        found.push({ level: 'l3', start: q - d, end: q + 1, value: text.slice(q - d, q) });
      }
    } else if (ch === CLOSE || ch === FULL_CLOSE) {
      // ) or ） after digits and spaces ends an l3 (1) 2 )), when something other than a space follows.
      if (q + 1 >= text.length || isWhiteSpace(text.charCodeAt(q + 1))) continue;
      let p = q;
      while (p > 0 && isWhiteSpace(text.charCodeAt(p - 1))) p--;
      const d = digitsBefore(text, p);
      if (d > 0) found.push({ level: 'l3', start: p - d, end: q + 1, value: text.slice(p - d, p) });
    } else if (ch === OPEN) {
      // ( opens an l2: (一) (十二) or an OCR'd (A); or an l4: (1) (12).
      let r = 0;
      while (r < 4 && isNumeral(text, q + 1 + r)) r++;
      if (r === 0 && isUpper(text, q + 1)) r = 1;
      else if (r > 3) continue;
      if (r > 0 && text.charCodeAt(q + 1 + r) === CLOSE) found.push({ level: 'l2', start: q, end: q + r + 2, value: text.slice(q + 1, q + 1 + r) });
      else if (r === 0) {
        const d = runAfter(text, q + 1, isDigit, 3);
        if (d > 0 && d <= 2 && text.charCodeAt(q + 1 + d) === CLOSE) found.push({ level: 'l4', start: q, end: q + d + 2, value: text.slice(q + 1, q + 1 + d) });
      }
    } else if (ch >= CIRCLED_ONE && ch <= PARENTHESIZED_TWENTY) {
      // ① … ⑳ and ⑴ … ⒇ are l4s of one character.
      found.push({ level: 'l4', start: q, end: q + 1, value: String(circledOrdinal(ch)) });
    } else if (text.charCodeAt(q + 1) === EM_DASH) {
      found.push({ level: 'dash', start: q, end: q + 2, value: '' });
    }
  }
  // Each position starts at most one match (the alternatives start with different characters, and the
  // digits of an l3 are followed by one end character); a left-to-right scan takes the first, resumes
  // after it, and so on.
  found.sort((a, b) => a.start - b.start);
  const out: MarkerMatch[] = [];
  let from = 0;
  for (const m of found) {
    if (m.start < from) continue;
    out.push(m);
    from = m.end;
  }
  return out;
}

/** ① … ⑳ and ⑴ … ⒇ (by their code point) → 1 … 20. */
export function circledOrdinal(code: number): number {
  return code - (code >= PARENTHESIZED_ONE ? PARENTHESIZED_ONE : CIRCLED_ONE) + 1;
}

const DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十二 → 12, 二十 → 20; 0 when unreadable. */
export function chineseOrdinal(s: string): number {
  if (s === '十') return 10;
  const i = s.indexOf('十');
  if (i < 0) return s.length === 1 ? (DIGITS[s] ?? 0) : 0;
  const tens = i === 0 ? 1 : (DIGITS[s.slice(0, i)] ?? 0);
  const ones = i === s.length - 1 ? 0 : (DIGITS[s.slice(i + 1)] ?? 0);
  return tens * 10 + ones;
}

/**
 * All heading markers in reading order. A marker counts only at a line start or after a sentence or
 * bracket end (so `工程2.0` and `包括(一)` inside a sentence are not headings); a `(一)` may also follow
 * a short 一、 heading on the same line (`二、重点任务(一)…`).
 */
export function findHeadingMarkers(text: string): HeadingMarker[] {
  const out: HeadingMarker[] = [];
  let lastL1 = -100;
  // The number of the last 1./1、 met since the last higher heading (0: none).
  let lastL3 = 0;
  for (const m of scanMarkers(text)) {
    const at = m.start;
    const prev = at === 0 ? 0x0a : text.charCodeAt(at - 1);
    const atBoundary = BOUNDARY.has(prev);
    const end = m.end;
    const label = text.slice(at, end);
    if (m.level === 'l1') {
      if (!atBoundary) continue;
      out.push({ level: 'l1', label, ordinal: chineseOrdinal(m.value), ocr: false, start: at, textStart: end });
      lastL1 = end;
      lastL3 = 0;
    } else if (m.level === 'l2') {
      const glued = at - lastL1 <= 12 && !/[。;\n]/u.test(text.slice(lastL1, at));
      if (!atBoundary && !glued) continue;
      const ocr = isUpper(m.value, 0);
      out.push({ level: 'l2', label, ordinal: ocr ? 0 : chineseOrdinal(m.value), ocr, start: at, textStart: end });
      lastL3 = 0;
    } else if (m.level === 'l4') {
      // A list of an item's own, or the items of a section that numbers them so: only at a line start
      // (`包括:(1)…;(2)…` inside a paragraph is no heading).
      if (prev !== 0x0a) continue;
      out.push({ level: 'l4', label, ordinal: Number(m.value), ocr: false, start: at, textStart: end });
    } else if (m.level === 'l3') {
      const ordinal = Number(m.value);
      if (!atBoundary && !(lastL3 > 0 && ordinal === lastL3 + 1 && afterRoleNote(text, at, end))) continue;
      out.push({ level: 'l3', label, ordinal, ocr: false, start: at, textStart: end });
      lastL3 = ordinal;
    } else {
      if (prev !== 0x0a && prev !== 0x3002 && prev !== 0x3b) continue;
      out.push({ level: 'dash', label, ordinal: 0, ocr: false, start: at, textStart: end });
    }
  }
  return fixOcrOrdinals(out);
}

/** How far back the label of a note before a glued list number is looked for (a note's own longest, as read). */
const MAX_NOTE_BACK = 400;

/**
 * Whether the list number at [at, end) follows a note that a role label opens after a sentence or at a
 * line start, glued to it (`…推进科学教育。责任单位:市教育局、市科技局2.提升教师科学素质`: the next item, lost
 * with the line break), and a heading's words follow it. The label may open a part of the note before
 * the last (`责任单位:市教育局;完成时限:2023年底2.…`) or follow a comma (`…推进科学教育,责任单位:…2.…`).
 */
function afterRoleNote(text: string, at: number, end: number): boolean {
  const next = text.charCodeAt(end);
  if (!(next >= 0x4e00 && next <= 0x9fff)) return false;
  let s = at - 1;
  const low = Math.max(0, at - MAX_NOTE_BACK);
  while (s >= low && !SENTENCE_END.has(text.charCodeAt(s))) s--;
  if (s < low) return false;
  return text.slice(s + 1, at).split(/[;；,，]/u).some((part) => ROLE_LINE.test(part));
}

const SENTENCE_END = new Set([...'\n。'].map((c) => c.charCodeAt(0)));

/** An OCR'd `(A)` between `(七)` and `(九)` reads as `(八)`. */
function fixOcrOrdinals(markers: HeadingMarker[]): HeadingMarker[] {
  const l2 = markers.filter((m) => m.level === 'l2');
  for (let i = 0; i < l2.length; i++) {
    const m = l2[i]!;
    if (!m.ocr) continue;
    const before = l2[i - 1]?.ordinal ?? 0;
    const after = l2[i + 1]?.ordinal ?? 0;
    if (before > 0 && (after === 0 || after === before + 2)) m.ordinal = before + 1;
  }
  return markers;
}
