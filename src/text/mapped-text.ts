import type { Span } from '../model/span.js';

/**
 * A text derived from an original by edits, with an offset map back to the original: code unit `i`
 * of `text` came from `original.slice(starts[i], ends[i])`. Every span the library reports is mapped
 * back through it, so evidence always points into the text as read.
 */
export interface MappedText {
  readonly text: string;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** Length of the original text. */
  readonly originalLength: number;
}

/** One replacement in the coordinates of the text it applies to; `end` exclusive. */
export interface Edit {
  start: number;
  end: number;
  replacement: string;
}

/** The identity mapping of a text onto itself. */
export function mapIdentity(text: string): MappedText {
  const n = text.length;
  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    starts[i] = i;
    ends[i] = i + 1;
  }
  return { text, starts, ends, originalLength: n };
}

/**
 * Applies non-overlapping edits (any order) and composes the offset map. A replacement's characters
 * all map to the whole original range they replace; deleted ranges vanish from the map.
 */
export function applyEdits(source: MappedText, edits: readonly Edit[]): MappedText {
  if (edits.length === 0) return source;
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const { text, starts, ends } = source;
  let size = text.length;
  for (const e of sorted) size += e.replacement.length - (e.end - e.start);
  const outStarts = new Int32Array(size);
  const outEnds = new Int32Array(size);
  const parts: string[] = [];
  let pos = 0;
  let o = 0;
  for (const e of sorted) {
    if (e.start < pos || e.end < e.start || e.end > text.length) {
      throw new RangeError(`applyEdits: overlapping or out-of-range edit ${e.start}-${e.end}`);
    }
    for (let i = pos; i < e.start; i++, o++) {
      outStarts[o] = starts[i]!;
      outEnds[o] = ends[i]!;
    }
    parts.push(text.slice(pos, e.start), e.replacement);
    if (e.replacement.length > 0) {
      const a = e.end > e.start ? starts[e.start]! : boundary(source, e.start);
      const b = e.end > e.start ? ends[e.end - 1]! : a;
      for (let k = 0; k < e.replacement.length; k++, o++) {
        outStarts[o] = a;
        outEnds[o] = b;
      }
    }
    pos = e.end;
  }
  for (let i = pos; i < text.length; i++, o++) {
    outStarts[o] = starts[i]!;
    outEnds[o] = ends[i]!;
  }
  parts.push(text.slice(pos));
  return { text: parts.join(''), starts: outStarts, ends: outEnds, originalLength: source.originalLength };
}

/** Replaces characters one for one (width folding, script conversion of single units); the map is unchanged. */
export function mapChars(source: MappedText, fn: (ch: string) => string): MappedText {
  const text = source.text;
  // Unchanged units are copied as slices between the changed ones (no string built per unit).
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const r = fn(ch);
    if (r.length !== 1) throw new RangeError('mapChars: the function must return exactly one code unit');
    if (r === ch) continue;
    if (i > from) parts.push(text.slice(from, i));
    parts.push(r);
    from = i + 1;
  }
  if (parts.length === 0) return source;
  if (from < text.length) parts.push(text.slice(from));
  return { ...source, text: parts.join('') };
}

/** The original offset at a boundary of the derived text (0..length). */
function boundary(mt: MappedText, i: number): number {
  if (i < mt.text.length) return mt.starts[i]!;
  if (mt.text.length === 0) return mt.originalLength;
  return mt.ends[mt.text.length - 1]!;
}

/** Maps a span of the derived text back to the original text. */
export function toOriginalSpan(mt: MappedText, start: number, end: number): Span {
  const n = mt.text.length;
  const s = Math.max(0, Math.min(start, n));
  const e = Math.max(s, Math.min(end, n));
  if (e === s) {
    const b = boundary(mt, s);
    return { start: b, end: b };
  }
  return { start: mt.starts[s]!, end: Math.max(mt.starts[s]!, mt.ends[e - 1]!) };
}
