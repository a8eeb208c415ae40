import type { Plan } from '../../model/plan.js';
import type { ReportSection } from '../../report/schema.js';
import { isChromeLine } from '../../text/site-chrome.js';

/** A section's wording reduced to letters and digits, each mapped back to where it was. */
export interface SectionText {
  /** Code points of the letters and digits only, fullwidth folded, ASCII lower-cased: what n-grams are taken of. */
  codes: Uint32Array;
  /** Offset where each of `codes` starts, and where it ends (exclusive), in the text or the rebuilt section. */
  starts: Int32Array;
  ends: Int32Array;
  /** The section as a person reads it (site chrome dropped, lines trimmed): what diffs are taken of. */
  display: string;
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
export function sectionText(section: ReportSection, index: number, plan: Plan | null, text: string | null): SectionText | null {
  if (text !== null && section.span.end <= text.length && section.span.start < section.span.end) {
    return fromText(text, section.span.start, section.span.end);
  }
  const s = plan?.sections[index];
  if (!s) return null;
  const parts = [s.title, s.intro, ...s.measures.map((m) => `${m.title} ${m.body}`)].filter((x) => x !== '');
  const built = parts.join('\n');
  const t = fromText(built, 0, built.length);
  return { ...t, spansIn: 'model' };
}

function fromText(text: string, start: number, end: number): SectionText {
  const codes: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const lines: string[] = [];
  let pos = start;
  while (pos < end) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0 || nl > end) nl = end;
    const line = text.slice(pos, nl);
    if (!isChromeLine(line)) {
      const trimmed = line.trim();
      if (trimmed !== '') lines.push(trimmed);
      let i = pos;
      for (const ch of line) {
        const f = foldChar(ch);
        if (f >= 0) {
          codes.push(f);
          starts.push(i);
          ends.push(i + ch.length);
        }
        i += ch.length;
      }
    }
    pos = nl + 1;
  }
  return { codes: Uint32Array.from(codes), starts: Int32Array.from(starts), ends: Int32Array.from(ends), display: lines.join('\n'), spansIn: 'text' };
}
