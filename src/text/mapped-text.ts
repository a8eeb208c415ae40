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

/**
 * A text whose unit `i` came from unit `i` of an original of the same length (the identity, or a
 * one-for-one replacement of it). Its offset arrays are built only when someone reads them: the
 * functions here compute with `i` directly, so a text that no pass changes costs no map at all.
 */
class OneToOneMap implements MappedText {
  readonly text: string;
  readonly originalLength: number;
  #starts: Int32Array | null = null;
  #ends: Int32Array | null = null;

  constructor(text: string) {
    this.text = text;
    this.originalLength = text.length;
  }

  get starts(): Int32Array {
    if (this.#starts === null) {
      const n = this.text.length;
      const a = new Int32Array(n);
      for (let i = 0; i < n; i++) a[i] = i;
      this.#starts = a;
    }
    return this.#starts;
  }

  get ends(): Int32Array {
    if (this.#ends === null) {
      const n = this.text.length;
      const a = new Int32Array(n);
      for (let i = 0; i < n; i++) a[i] = i + 1;
      this.#ends = a;
    }
    return this.#ends;
  }
}

/** The identity mapping of a text onto itself. */
export function mapIdentity(text: string): MappedText {
  return new OneToOneMap(text);
}

/** Whether the edits are in the order `applyEdits` sorts them into (most callers make them so). */
function inOrder(edits: readonly Edit[]): boolean {
  for (let k = 1; k < edits.length; k++) {
    const a = edits[k - 1]!;
    const b = edits[k]!;
    if (a.start > b.start || (a.start === b.start && a.end > b.end)) return false;
  }
  return true;
}

/**
 * Applies non-overlapping edits (any order) and composes the offset map. A replacement's characters
 * all map to the whole original range they replace; deleted ranges vanish from the map.
 */
export function applyEdits(source: MappedText, edits: readonly Edit[]): MappedText {
  if (edits.length === 0) return source;
  // A stable sort leaves sorted edits as they are: skip it then.
  const sorted = inOrder(edits) ? edits : [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const text = source.text;
  let size = text.length;
  for (const e of sorted) size += e.replacement.length - (e.end - e.start);
  // Both arrays in one buffer: one allocation (outside the heap, where each counts) instead of two.
  const buffer = new Int32Array(2 * size);
  const outStarts = buffer.subarray(0, size);
  const outEnds = buffer.subarray(size);
  const parts: string[] = [];
  let pos = 0;
  let o = 0;
  // From a one-to-one map, unit i maps to [i, i + 1): the source arrays are never built.
  const identity = source instanceof OneToOneMap;
  const starts = identity ? null : source.starts;
  const ends = identity ? null : source.ends;
  for (const e of sorted) {
    if (e.start < pos || e.end < e.start || e.end > text.length) {
      throw new RangeError(`applyEdits: overlapping or out-of-range edit ${e.start}-${e.end}`);
    }
    if (identity) {
      for (let i = pos; i < e.start; i++, o++) {
        outStarts[o] = i;
        outEnds[o] = i + 1;
      }
    } else {
      for (let i = pos; i < e.start; i++, o++) {
        outStarts[o] = starts![i]!;
        outEnds[o] = ends![i]!;
      }
    }
    if (e.start > pos) parts.push(text.slice(pos, e.start));
    if (e.replacement.length > 0) {
      parts.push(e.replacement);
      let a: number;
      let b: number;
      if (identity) {
        a = e.start;
        b = e.end;
      } else {
        a = e.end > e.start ? starts![e.start]! : boundary(source, e.start);
        b = e.end > e.start ? ends![e.end - 1]! : a;
      }
      for (let k = 0; k < e.replacement.length; k++, o++) {
        outStarts[o] = a;
        outEnds[o] = b;
      }
    }
    pos = e.end;
  }
  if (identity) {
    for (let i = pos; i < text.length; i++, o++) {
      outStarts[o] = i;
      outEnds[o] = i + 1;
    }
  } else {
    for (let i = pos; i < text.length; i++, o++) {
      outStarts[o] = starts![i]!;
      outEnds[o] = ends![i]!;
    }
  }
  if (pos < text.length) parts.push(text.slice(pos));
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
  return withText(source, parts.join(''));
}

/** The same map with another text of the same length (characters replaced one for one). */
export function withText(source: MappedText, text: string): MappedText {
  if (source instanceof OneToOneMap) return new OneToOneMap(text);
  return { text, starts: source.starts, ends: source.ends, originalLength: source.originalLength };
}

/** The original offset at a boundary of the derived text (0..length). */
function boundary(mt: MappedText, i: number): number {
  if (mt instanceof OneToOneMap) return i;
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
  if (mt instanceof OneToOneMap) return { start: s, end: e };
  return { start: mt.starts[s]!, end: Math.max(mt.starts[s]!, mt.ends[e - 1]!) };
}
