import { foldBits, foldCodes, foldScript } from './fold-script.js';

/** A normalised string with, for each of its code units, the index of the code unit it came from. */
export interface NormalizedWithMap {
  text: string;
  /** `map[i]` is the index in the input of `text[i]`; `map.length === text.length`. */
  map: number[];
}

const KEEP = /[\p{Script=Han}a-z0-9]/u;

/**
 * Normalises text for matching: NFKC per character (fullwidth to halfwidth), traditional to simplified
 * for the characters alignment knows, lower case, and only Han characters, Latin letters and digits kept
 * (punctuation, spaces, numbering brackets and quotes dropped). Keeps a map back to the input.
 */
export function normalizeWithMap(input: string): NormalizedWithMap {
  const n = normalizeInto(input, 0, input.length);
  return { text: bufferText(n), map: Array.from(where.subarray(0, n)) };
}

/** {@link normalizeWithMap} without the map. */
export function normalizeForMatch(input: string): string {
  return bufferText(normalizeInto(input, 0, input.length));
}

/** The normaliser's work buffers after a call: valid until the next call of any function of this module. */
export interface NormalizedBuffer {
  /** The normalised code units, `length` of them. */
  codes: Uint16Array;
  /** For each, its index in the input (in the slice, for {@link normalizeSliceToBuffer}). */
  where: Int32Array;
  length: number;
}

/** Normalises `input` into the shared buffers: the normalised code units without making a string. */
export function normalizeToBuffer(input: string): NormalizedBuffer {
  return result(normalizeInto(input, 0, input.length));
}

/**
 * Normalises `input.slice(start, end)` into the shared buffers (as {@link normalizeToBuffer} of the slice,
 * without making it).
 */
export function normalizeSliceToBuffer(input: string, start: number, end: number): NormalizedBuffer {
  // The bounds as String.prototype.slice reads them.
  const len = input.length;
  const from = start < 0 ? Math.max(len + start, 0) : Math.min(start, len);
  const to = end < 0 ? Math.max(len + end, 0) : Math.min(end, len);
  return result(from < to ? normalizeInto(input, from, to) : 0);
}

/**
 * The one {@link NormalizedBuffer} this module hands out, updated by each call (it describes the shared
 * buffers, valid until the next call anyway): no object made per call.
 */
const shared: NormalizedBuffer = { codes: new Uint16Array(0), where: new Int32Array(0), length: 0 };

function result(length: number): NormalizedBuffer {
  shared.codes = codes;
  shared.where = where;
  shared.length = length;
  return shared;
}

/**
 * The string of the first `length` code units of the buffers (before any other call of this module),
 * just after normalising `input` whole: `input` itself when the buffer holds exactly its code units
 * (most headings: nothing dropped or folded), so no new string is made.
 */
export function bufferStringOf(input: string, length: number): string {
  if (length === input.length) {
    let k = 0;
    while (k < length && codes[k] === input.charCodeAt(k)) k++;
    if (k === length) return input;
  }
  return bufferText(length);
}

// Work buffers of the normaliser, reused by every call (JS runs one call at a time): the output's code
// units and, for each, its index in the input. Grown on demand, never shrunk.
let codes = new Uint16Array(1024);
let where = new Int32Array(1024);
/** Makes room for `n` output code units, keeping the first `used`. */
function reserve(n: number, used: number): void {
  if (n <= codes.length) return;
  const size = Math.max(n, codes.length * 2);
  const c = new Uint16Array(size);
  c.set(codes.subarray(0, used));
  const w = new Int32Array(size);
  w.set(where.subarray(0, used));
  codes = c;
  where = w;
}

/**
 * Normalises `input.slice(from, to)` into the work buffers (`where` relative to `from`); returns the
 * output length.
 */
function normalizeInto(input: string, from: number, to: number): number {
  const fold = foldCodes();
  const folds = foldBits();
  const len = to;
  // The fast paths give at most one code unit per input code unit.
  reserve(len - from, 0);
  let n = 0;
  for (let i = from; i < len; i++) {
    const c = input.charCodeAt(i);
    // Fast paths: CJK unified ideographs (folded), ASCII, fullwidth ASCII, common punctuation.
    if (c >= 0x4e00 && c <= 0x9fff) {
      codes[n] = (folds[c >>> 5]! & (1 << (c & 31))) === 0 ? c : fold[c]!;
      where[n++] = i - from;
    } else if (c < 0x80) {
      if ((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a)) {
        codes[n] = c;
        where[n++] = i - from;
      } else if (c >= 0x41 && c <= 0x5a) {
        codes[n] = c + 32;
        where[n++] = i - from;
      }
    } else if (c >= 0xff01 && c <= 0xff5e) {
      const a = c - 0xfee0;
      if ((a >= 0x30 && a <= 0x39) || (a >= 0x61 && a <= 0x7a)) {
        codes[n] = a;
        where[n++] = i - from;
      } else if (a >= 0x41 && a <= 0x5a) {
        codes[n] = a + 32;
        where[n++] = i - from;
      }
    } else if (c === 0xa0 || (c >= 0x2000 && c <= 0x206f) || isCjkPunctuation(c)) {
      // punctuation and spaces: dropped
    } else {
      const low = i + 1 < len ? input.charCodeAt(i + 1) : 0;
      const end = c >= 0xd800 && c <= 0xdbff && low >= 0xdc00 && low <= 0xdfff ? i + 2 : i + 1;
      const xs = slow(input.slice(i, end));
      // NFKC may expand a character (㍿ → 株式会社): room for these and one per character left.
      reserve(n + xs.length + (len - end), n);
      for (const x of xs) {
        codes[n] = x;
        where[n++] = i - from;
      }
      i = end - 1;
    }
  }
  return n;
}

/** The first `n` code units of the work buffer as a string. */
function bufferText(n: number): string {
  // Short strings: a loop is cheaper than a call with the code units as arguments (in slices, as
  // arguments are limited in number).
  if (n <= 16) {
    let s = '';
    for (let k = 0; k < n; k++) s += String.fromCharCode(codes[k]!);
    return s;
  }
  let s = '';
  for (let k = 0; k < n; k += 8192) s += String.fromCharCode.apply(null, codes.subarray(k, Math.min(n, k + 8192)) as unknown as number[]);
  return s;
}

/** CJK symbols and punctuation (、。「」《》…), leaving out the Han-script ones of that block (々〆〇〡…). */
function isCjkPunctuation(c: number): boolean {
  return (c >= 0x3000 && c <= 0x3004) || (c >= 0x3008 && c <= 0x3020) || (c >= 0x3030 && c <= 0x3037) || (c >= 0x303c && c <= 0x303f);
}

/** Any other character: NFKC, script folding, lower case, kept if Han, a–z or 0–9. */
function slow(ch: string): number[] {
  const out: number[] = [];
  for (const c of foldScript(ch.normalize('NFKC')).toLowerCase()) {
    if (KEEP.test(c)) for (let k = 0; k < c.length; k++) out.push(c.charCodeAt(k));
  }
  return out;
}

/** Reference implementation (per code point), kept for tests of the fast path. */
export function normalizeWithMapSlow(input: string): NormalizedWithMap {
  let text = '';
  const map: number[] = [];
  let i = 0;
  for (const ch of input) {
    const folded = foldScript(ch.normalize('NFKC')).toLowerCase();
    for (const c of folded) {
      if (KEEP.test(c)) {
        text += c;
        for (let k = 0; k < c.length; k++) map.push(i);
      }
    }
    i += ch.length;
  }
  return { text, map };
}


/** A bracketed note naming units (（责任单位：…）, [牵头单位：…], （县教育局、县科协按职责分工负责）). */
const AGENCY_NOTE = /[(（[【][^()（）[\]【】]*?(单位|部门|负责|牵头|配合)[^()（）[\]【】]*[)）\]】]/gu;
/** A short bracketed aside inside such a note (县自然资源和规划局（林业局）). */
const INNER_NOTE = /[(（][^()（）]{1,12}[)）]/gu;

/**
 * Removes the notes that name responsible units from a body, so that unit names (市教育局, 县农业农村局)
 * do not read as content. Nested short brackets inside a note are removed first.
 */
export function stripAgencyNotes(body: string): string {
  if (!/(单位|部门|负责|牵头|配合)/u.test(body)) return body;
  let out = body.replace(AGENCY_NOTE, ' ');
  if (/(单位|部门|负责|牵头)/u.test(out)) {
    out = out.replace(INNER_NOTE, (m) => (/[局委办会团部院联]/u.test(m) ? '' : m)).replace(AGENCY_NOTE, ' ');
  }
  return out;
}
