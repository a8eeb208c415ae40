/**
 * Heading markers of Chinese government documents, found in a normalised text (halfwidth brackets).
 * Levels: `l1` 一、 ; `l2` (一) — also an OCR'd (A) ; `l3` 1. / 1、 ; `dash` —— at a line start.
 */
export type HeadingLevel = 'l1' | 'l2' | 'l3' | 'dash';

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

const NUM = '[一二三四五六七八九十]{1,3}';
const MARKER = new RegExp(
  `(?<l1>${NUM})、|\\((?<l2>${NUM}|[A-Z])\\)|(?<!\\d)(?<l3>\\d{1,2})(?:[.、](?![\\d.])|\\s*[)）](?=\\S))|(?<dash>——)`,
  'gu',
);
/** Characters after which a heading may start inside a line. */
const BOUNDARY = /[\n。;:!?)\]】」”》]/u;

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
  for (const m of text.matchAll(MARKER)) {
    const g = m.groups!;
    const at = m.index;
    const prev = at === 0 ? '\n' : text[at - 1]!;
    const atBoundary = BOUNDARY.test(prev);
    const end = at + m[0].length;
    if (g['l1'] !== undefined) {
      if (!atBoundary) continue;
      out.push({ level: 'l1', label: m[0], ordinal: chineseOrdinal(g['l1']), ocr: false, start: at, textStart: end });
      lastL1 = end;
    } else if (g['l2'] !== undefined) {
      const glued = at - lastL1 <= 12 && !/[。;\n]/u.test(text.slice(lastL1, at));
      if (!atBoundary && !glued) continue;
      const ocr = /[A-Z]/u.test(g['l2']);
      out.push({ level: 'l2', label: m[0], ordinal: ocr ? 0 : chineseOrdinal(g['l2']), ocr, start: at, textStart: end });
    } else if (g['l3'] !== undefined) {
      if (!atBoundary) continue;
      out.push({ level: 'l3', label: m[0], ordinal: Number(g['l3']), ocr: false, start: at, textStart: end });
    } else if (g['dash'] !== undefined) {
      if (prev !== '\n' && !/[。;]/u.test(prev)) continue;
      out.push({ level: 'dash', label: m[0], ordinal: 0, ocr: false, start: at, textStart: end });
    }
  }
  return fixOcrOrdinals(out);
}

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
