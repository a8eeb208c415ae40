import type { ComparedPlan } from './entries.js';
import type { ReportSection } from '../../analyze/analysis-report.js';
import { chromeWords, isChromeLine, mayBeChromeLine } from '../../text/site-chrome.js';

/** A section's wording reduced to letters and digits, each mapped back to where it was. */
export interface SectionText {
  /** Code points of the letters and digits only, fullwidth folded, ASCII lower-cased: what n-grams are taken of. */
  codes: Uint32Array;
  /** Offset where each of `codes` starts in the text or the rebuilt section. */
  starts: Int32Array;
  /** Where each ends (exclusive); null when every one is a single UTF-16 unit (ends = starts + 1). */
  ends: Int32Array | null;
  /** The section as a person reads it (site chrome dropped, lines trimmed): what diffs are taken of; only when asked for. */
  display: string | null;
  spansIn: 'text' | 'model';
}

const KEEP = /[\p{L}\p{N}]/u;

/** One character folded for comparison (a code point), or -1 when it is punctuation, space or a symbol. */
export function foldChar(ch: string): number {
  const c = ch.codePointAt(0)!;
  if (c >= 0x4e00 && c <= 0x9fff) return c;
  if ((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a)) return c;
  if (c >= 0x41 && c <= 0x5a) return c + 0x20;
  if (!KEEP.test(ch)) return -1;
  const half = c >= 0xff01 && c <= 0xff5e ? String.fromCodePoint(c - 0xfee0) : ch;
  return half.toLowerCase().codePointAt(0)!;
}

/** The folded code points of a string (see `foldChar`). */
export function foldAll(s: string): Uint32Array {
  const out: number[] = [];
  for (const ch of s) {
    const f = foldChar(ch);
    if (f >= 0) out.push(f);
  }
  return Uint32Array.from(out);
}

/**
 * The section's text: its span of the text as read when the text is known (lines that are web-page or
 * document-site chrome dropped), else the section rebuilt from the model (title, intro, measures).
 */
export function sectionText(section: Pick<ReportSection, 'span'>, index: number, entry: Pick<ComparedPlan, 'plan' | 'text'>, display = false): SectionText | null {
  const text = entry.text;
  if (text !== null && section.span.end <= text.length && section.span.start < section.span.end) {
    return fromText(text, section.span.start, section.span.end, display);
  }
  const s = entry.plan?.sections[index];
  if (!s) return null;
  const parts = [s.title, s.intro, ...s.measures.map((m) => `${m.title} ${m.body}`)].filter((x) => x !== '');
  const built = parts.join('\n');
  const t = fromText(built, 0, built.length, display);
  return { ...t, spansIn: 'model' };
}

/** foldChar of each BMP code unit, filled in as met (−2: not yet known). */
const FOLDED = new Int32Array(0x10000).fill(-2);

function foldUnit(c: number): number {
  let f = FOLDED[c]!;
  if (f === -2) {
    f = foldChar(String.fromCharCode(c));
    FOLDED[c] = f;
  }
  return f;
}

/** Work buffers of `fromText`, grown as needed: each section's arrays are cut from them at their exact size. */
let codesWork = new Uint32Array(1024);
let startsWork = new Int32Array(1024);
let endsWork = new Int32Array(1024);

function fromText(text: string, start: number, end: number, display: boolean): SectionText {
  const cap = Math.max(0, end - start);
  if (codesWork.length < cap) {
    const size = Math.max(cap, 2 * codesWork.length);
    codesWork = new Uint32Array(size);
    startsWork = new Int32Array(size);
  }
  const codes = codesWork;
  const starts = startsWork;
  let ends: Int32Array | null = null;
  let k = 0;
  const lines: string[] = [];
  // The chrome patterns run only on a line that could match one of them (as in normalizeText): one
  // with a chrome word (found in one pass over the section; none crosses a line break) or that
  // `mayBeChromeLine` lets through. The section's first and last lines are taken as cut at its ends.
  const words = chromeWords(start === 0 && end === text.length ? text : text.slice(start, end));
  let hi = 0;
  let pos = start;
  // Line breaks other than LF (a lone CR, a vertical tab, LS, PS: what the normaliser reads as breaks)
  // are looked for only in a section that has one (searched for in the section alone: a search to the
  // end of the text, for each of 20,000 sections, took 8 s).
  const others = hasOtherBreak(text, start, end);
  while (pos < end) {
    let nl = others ? nextBreak(text, pos, end) : text.indexOf('\n', pos);
    if (nl < 0 || nl > end) nl = end;
    let worded = false;
    while (hi < words.length && words[hi]! + start < nl) {
      worded = true;
      hi++;
    }
    const chrome = (worded || mayBeChromeLine(text, pos, nl)) && isChromeLine(text.slice(pos, nl));
    if (!chrome) {
      if (display) {
        const trimmed = text.slice(pos, nl).trim();
        if (trimmed !== '') lines.push(trimmed);
      }
      for (let i = pos; i < nl; ) {
        const c = text.charCodeAt(i);
        const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < nl && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
        const f = pair ? foldChar(text.slice(i, i + 2)) : foldUnit(c);
        if (f >= 0) {
          if (pair && ends === null) {
            if (endsWork.length < cap) endsWork = new Int32Array(Math.max(cap, 2 * endsWork.length));
            ends = endsWork;
            for (let j = 0; j < k; j++) ends[j] = starts[j]! + 1;
          }
          codes[k] = f;
          starts[k] = i;
          if (ends !== null) ends[k] = i + (pair ? 2 : 1);
          k++;
        }
        i += pair ? 2 : 1;
      }
    }
    pos = nl + 1;
  }
  return { codes: codes.slice(0, k), starts: starts.slice(0, k), ends: ends?.slice(0, k) ?? null, display: display ? lines.join('\n') : null, spansIn: 'text' };
}

/** Whether [from, end) holds a line break other than LF that the normaliser reads as one (CR, VT, LS, PS; see normalize-text.ts). */
function hasOtherBreak(text: string, from: number, end: number): boolean {
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0d || c === 0x0b || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}

/** The first line break (LF, CR, vertical tab, LS, PS) in [from, end), or `end`. */
function nextBreak(text: string, from: number, end: number): number {
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d || c === 0x0b || c === 0x2028 || c === 0x2029) return i;
  }
  return end;
}
