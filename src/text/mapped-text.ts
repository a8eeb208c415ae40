import type { Span } from '../model/span.js';
import { hasUnpairedSurrogate, UNITS_DECODABLE, unitsBuffer, unitsString } from './utf16-units.js';

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

/**
 * A text made by edits, its map kept as runs rather than as one entry per unit: run `k` covers units
 * `at[k]` up to the next run's start; in a copied run (`to[k] < 0`) unit `i` came from
 * `from[k] + (i - at[k])`, in a replaced one every unit from `[from[k], to[k])`. Edits cost their
 * number, not the text's length; the offset arrays are built only when someone reads them.
 */
class RunMap implements MappedText {
  readonly text: string;
  readonly originalLength: number;
  readonly at: readonly number[];
  readonly from: readonly number[];
  readonly to: readonly number[];
  #starts: Int32Array | null = null;
  #ends: Int32Array | null = null;

  constructor(text: string, originalLength: number, at: readonly number[], from: readonly number[], to: readonly number[]) {
    this.text = text;
    this.originalLength = originalLength;
    this.at = at;
    this.from = from;
    this.to = to;
  }

  /** The run holding unit `i` (0 <= i < text.length). */
  runOf(i: number): number {
    let lo = 0;
    let hi = this.at.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.at[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  startOf(i: number): number {
    const k = this.runOf(i);
    return this.to[k]! < 0 ? this.from[k]! + (i - this.at[k]!) : this.from[k]!;
  }

  endOf(i: number): number {
    const k = this.runOf(i);
    return this.to[k]! < 0 ? this.from[k]! + (i - this.at[k]!) + 1 : this.to[k]!;
  }

  get starts(): Int32Array {
    if (this.#starts === null) this.#build();
    return this.#starts!;
  }

  get ends(): Int32Array {
    if (this.#ends === null) this.#build();
    return this.#ends!;
  }

  #build(): void {
    const n = this.text.length;
    const starts = new Int32Array(n);
    const ends = new Int32Array(n);
    for (let k = 0; k < this.at.length; k++) {
      const end = k + 1 < this.at.length ? this.at[k + 1]! : n;
      const a = this.from[k]!;
      const b = this.to[k]!;
      for (let i = this.at[k]!; i < end; i++) {
        starts[i] = b < 0 ? a + (i - this.at[k]!) : a;
        ends[i] = b < 0 ? a + (i - this.at[k]!) + 1 : b;
      }
    }
    this.#starts = starts;
    this.#ends = ends;
  }
}

/** Runs of a map being built: each added run merges into the one before when it continues it. */
class RunBuilder {
  at: number[] = [];
  from: number[] = [];
  to: number[] = [];

  /** `len` units (at `o` in the new text) copied from `a`, `a + 1` …; `to` < 0. */
  copy(o: number, a: number, len: number): void {
    if (len <= 0) return;
    const k = this.at.length - 1;
    // A copied run right after another whose originals it continues (a deletion of nothing) joins it.
    if (k >= 0 && this.to[k]! < 0 && this.from[k]! + (o - this.at[k]!) === a) return;
    this.at.push(o);
    this.from.push(a);
    this.to.push(-1);
  }

  /** `len` units (at `o`) that all came from `[a, b)`. */
  replace(o: number, a: number, b: number, len: number): void {
    if (len <= 0) return;
    const k = this.at.length - 1;
    if (k >= 0 && this.to[k]! >= 0 && this.from[k] === a && this.to[k] === b) return;
    this.at.push(o);
    this.from.push(a);
    this.to.push(b);
  }

  build(text: string, originalLength: number): RunMap {
    return new RunMap(text, originalLength, this.at, this.from, this.to);
  }
}

/** Copies the runs of `source` over its units [p, q) to `out`, at `o` onwards. */
function copyRuns(source: RunMap, p: number, q: number, o: number, out: RunBuilder): void {
  if (q <= p) return;
  for (let k = source.runOf(p); k < source.at.length && source.at[k]! < q; k++) {
    const s = Math.max(p, source.at[k]!);
    const e = Math.min(q, k + 1 < source.at.length ? source.at[k + 1]! : source.text.length);
    if (source.to[k]! < 0) out.copy(o + (s - p), source.from[k]! + (s - source.at[k]!), e - s);
    else out.replace(o + (s - p), source.from[k]!, source.to[k]!, e - s);
  }
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
  if (source instanceof OneToOneMap || source instanceof RunMap) return applyEditsByRuns(source, sorted);
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

/** `applyEdits` for a source whose map is the identity or runs: the result's map is runs too. */
function applyEditsByRuns(source: OneToOneMap | RunMap, sorted: readonly Edit[]): MappedText {
  const text = source.text;
  const runs = new RunBuilder();
  let pos = 0;
  let o = 0;
  for (const e of sorted) {
    if (e.start < pos || e.end < e.start || e.end > text.length) {
      throw new RangeError(`applyEdits: overlapping or out-of-range edit ${e.start}-${e.end}`);
    }
    if (e.start > pos) {
      if (source instanceof RunMap) copyRuns(source, pos, e.start, o, runs);
      else runs.copy(o, pos, e.start - pos);
      o += e.start - pos;
    }
    if (e.replacement.length > 0) {
      const a = e.end > e.start ? startOf(source, e.start) : boundary(source, e.start);
      const b = e.end > e.start ? endOf(source, e.end - 1) : a;
      runs.replace(o, a, b, e.replacement.length);
      o += e.replacement.length;
    }
    pos = e.end;
  }
  if (text.length > pos) {
    if (source instanceof RunMap) copyRuns(source, pos, text.length, o, runs);
    else runs.copy(o, pos, text.length - pos);
    o += text.length - pos;
  }
  return runs.build(editedText(text, sorted, o), source.originalLength);
}

/**
 * The text with the (sorted, checked) edits applied, `length` units long. The units are copied into a
 * reused buffer and made a string once by the UTF-16 decoder, rather than joined from a slice per kept
 * piece (a plan's normalisation removes thousands of space runs). A result with an unpaired surrogate
 * (which the decoder would not keep) or a big-endian platform is joined from slices.
 */
function editedText(text: string, sorted: readonly Edit[], length: number): string {
  if (UNITS_DECODABLE) {
    const units = unitsBuffer(length);
    let o = 0;
    let pos = 0;
    for (const e of sorted) {
      for (let i = pos; i < e.start; i++) units[o++] = text.charCodeAt(i);
      const r = e.replacement;
      for (let k = 0; k < r.length; k++) units[o++] = r.charCodeAt(k);
      pos = e.end;
    }
    for (let i = pos; i < text.length; i++) units[o++] = text.charCodeAt(i);
    if (!hasUnpairedSurrogate(units, o)) return unitsString(units, o);
  }
  const parts: string[] = [];
  let pos = 0;
  for (const e of sorted) {
    if (e.start > pos) parts.push(text.slice(pos, e.start));
    if (e.replacement.length > 0) parts.push(e.replacement);
    pos = e.end;
  }
  if (pos < text.length) parts.push(text.slice(pos));
  return parts.join('');
}

/** The original start of unit `i` of a derived text. */
function startOf(mt: MappedText, i: number): number {
  if (mt instanceof OneToOneMap) return i;
  if (mt instanceof RunMap) return mt.startOf(i);
  return mt.starts[i]!;
}

/** The original end of unit `i` of a derived text. */
function endOf(mt: MappedText, i: number): number {
  if (mt instanceof OneToOneMap) return i + 1;
  if (mt instanceof RunMap) return mt.endOf(i);
  return mt.ends[i]!;
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
  if (source instanceof RunMap) return new RunMap(text, source.originalLength, source.at, source.from, source.to);
  return { text, starts: source.starts, ends: source.ends, originalLength: source.originalLength };
}

/** The original offset at a boundary of the derived text (0..length). */
function boundary(mt: MappedText, i: number): number {
  if (mt instanceof OneToOneMap) return i;
  if (i < mt.text.length) return startOf(mt, i);
  if (mt.text.length === 0) return mt.originalLength;
  return endOf(mt, mt.text.length - 1);
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
  const a = startOf(mt, s);
  return { start: a, end: Math.max(a, endOf(mt, e - 1)) };
}
