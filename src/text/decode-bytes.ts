import type { Diagnostic } from '../model/diagnostic.js';
import { UNITS_DECODABLE, unitsBuffer, unitsString } from './utf16-units.js';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  /** The text as read; null when the bytes are not text. A BOM is kept, so offsets match other readers. */
  text: string | null;
  encoding: TextEncodingName | null;
  diagnostics: Diagnostic[];
}

/**
 * Decodes a file's bytes: UTF-8 with or without BOM, UTF-16 (BOM or NUL pattern), else GB18030/GBK
 * when the bytes are not valid UTF-8. Binary data and empty input come back as diagnostics, never
 * as an exception. Uses the platform's TextDecoder, so it runs in browsers too.
 *
 * @example
 * decodeBytes(new Uint8Array([0xd6, 0xd0, 0xce, 0xc4])).text; // '中文' (GB18030)
 */
export function decodeBytes(bytes: Uint8Array, source?: string): DecodedText {
  const at = source === undefined ? {} : { source };
  const fail = (code: Diagnostic['code'], message: string): DecodedText => ({
    text: null,
    encoding: null,
    diagnostics: [{ code, severity: 'error', message, ...at }],
  });
  if (bytes.length === 0) return fail('input/empty', 'the file is empty');
  const encoding = sniffEncoding(bytes);
  if (encoding === null) return fail('input/binary', 'the file is binary data, not text');
  let text: string | null;
  const diagnostics: Diagnostic[] = [];
  // UTF-8 is decoded once, strictly: the text when the bytes are valid, null when they are not.
  if (encoding === 'utf-8' && (text = strictUtf8(bytes)) !== null) return finish(text, encoding, diagnostics, at);
  // Not valid throughout, yet UTF-8: a BOM says so, or nearly every multi-byte sequence is well formed
  // (a download cut inside a character, one damaged byte). The bad sequences are read as U+FFFD.
  if (encoding === 'utf-8' && (text = hasUtf8Bom(bytes) ? replacingUtf8(bytes) : lenientUtf8(bytes)) !== null) {
    return finish(text, encoding, diagnostics, at);
  }
  if (encoding === 'utf-8') {
    text = new TextDecoder('gb18030', { ignoreBOM: true }).decode(bytes);
    if (countReplacements(text) > text.length / 50) {
      return fail('input/unreadable', 'the text is neither UTF-8, UTF-16 nor GB18030');
    }
    diagnostics.push({
      code: 'input/decoded-legacy-encoding',
      severity: 'info',
      message: 'the file is not UTF-8; it was read as GB18030 (GBK)',
      ...at,
    });
    return finish(text, 'gb18030', diagnostics, at);
  }
  text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
  return finish(text, encoding, diagnostics, at);
}

function finish(text: string, encoding: TextEncodingName, diagnostics: Diagnostic[], at: { source?: string }): DecodedText {
  if (controlShare(text) > 0.05) {
    return { text: null, encoding: null, diagnostics: [{ code: 'input/binary', severity: 'error', message: 'the file is binary data, not text', ...at }] };
  }
  const bad = countReplacements(text);
  if (bad > 0) {
    diagnostics.push({
      code: 'input/replacement-characters',
      severity: 'warning',
      message: `${bad} character(s) could not be decoded and read as U+FFFD`,
      ...at,
    });
  }
  return { text, encoding, diagnostics };
}

function hasUtf8Bom(b: Uint8Array): boolean {
  return b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
}

/**
 * Bytes that are not valid UTF-8 read as UTF-8 all the same (bad sequences as U+FFFD, as the platform's
 * decoder reads them), when that gives at least 8 characters beyond ASCII and no more than one U+FFFD
 * per 100 of them; else null. GB18030 text read so has U+FFFD at nearly every other character.
 */
export function lenientUtf8(b: Uint8Array): string | null {
  // Legacy text is told from its first 4 KB at once, without reading all: 16 or more characters beyond
  // ASCII there (a character cut at the end held back, not counted bad), a tenth of them U+FFFD.
  if (b.length > 8192) {
    const head = beyondAscii(new TextDecoder('utf-8', { ignoreBOM: true }).decode(b.subarray(0, 4096), { stream: true }));
    if (head.good + head.bad >= 16 && head.bad * 10 > head.good) return null;
  }
  const text = replacingUtf8(b);
  const all = beyondAscii(text);
  return all.good >= 8 && all.bad * 100 <= all.good ? text : null;
}

/** A text's characters beyond ASCII: U+FFFD (`bad`) and the others (`good`; a surrogate pair once). */
function beyondAscii(text: string): { good: number; bad: number } {
  let good = 0;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) bad++;
    else if (c >= 0x80 && (c < 0xdc00 || c > 0xdfff)) good++;
  }
  return { good, bad };
}

function replacingUtf8(b: Uint8Array): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(b);
}

function sniffEncoding(b: Uint8Array): TextEncodingName | null {
  if (hasUtf8Bom(b)) return 'utf-8';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  const n = Math.min(b.length, 4096);
  // Text without NULs is UTF-8 (or a legacy encoding); the typed-array search finds one fast.
  if (b.subarray(0, n).indexOf(0) < 0) return 'utf-8';
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i++) {
    if (b[i] === 0) {
      if (i % 2 === 0) zeroEven++;
      else zeroOdd++;
    }
  }
  if (zeroEven + zeroOdd === 0) return 'utf-8';
  // UTF-16 without a BOM: ASCII-range characters put a NUL in every other byte.
  if (zeroOdd > n / 8 && zeroEven < n / 64) return 'utf-16le';
  if (zeroEven > n / 8 && zeroOdd < n / 64) return 'utf-16be';
  // Chinese UTF-16 has few: only its line breaks and ASCII have a NUL half; read as UTF-16 it is text.
  return utf16ByContent(b);
}

/**
 * UTF-16 without a BOM told by what it reads as: the first 4 KB, read little- or big-endian, are
 * nearly all (97%) Chinese characters, CJK and fullwidth punctuation, printable ASCII and line breaks.
 * Asked only of bytes with NULs (never UTF-8 or GB18030 text): ASCII letters read in pairs as UTF-16
 * fall among the CJK characters too.
 */
function utf16ByContent(b: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(b.length, 4096) & ~1;
  if (n < 16) return null;
  let le = 0;
  let be = 0;
  for (let i = 0; i < n; i += 2) {
    if (textUnit(b[i]! | (b[i + 1]! << 8))) le++;
    if (textUnit((b[i]! << 8) | b[i + 1]!)) be++;
  }
  const units = n / 2;
  if (le >= units * 0.97 && le > be) return 'utf-16le';
  if (be >= units * 0.97 && be > le) return 'utf-16be';
  return null;
}

/** A UTF-16 code unit of Chinese plan text: CJK, CJK and fullwidth punctuation, printable ASCII, tab and line breaks. */
function textUnit(u: number): boolean {
  return (
    (u >= 0x4e00 && u <= 0x9fff) ||
    (u >= 0x3000 && u <= 0x303f) ||
    (u >= 0xff00 && u <= 0xffef) ||
    (u >= 0x20 && u < 0x7f) ||
    u === 0x0a ||
    u === 0x0d ||
    u === 0x09 ||
    (u >= 0x2010 && u <= 0x2027) ||
    (u >= 0x3400 && u <= 0x4dbf)
  );
}

/** The bytes as UTF-8 (a BOM kept), or null when they are not valid UTF-8. */
export function strictUtf8(b: Uint8Array): string | null {
  if (!UNITS_DECODABLE) return platformStrictUtf8(b);
  // Decoded here into UTF-16 code units, which the UTF-16 decoder copies into a string: about twice
  // as fast as a fatal UTF-8 TextDecoder, which is slow on Chinese text.
  const units = unitsBuffer(b.length);
  const n = utf8ToUnits(b, units);
  return n < 0 ? null : unitsString(units, n);
}

function platformStrictUtf8(b: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(b);
  } catch {
    return null;
  }
}

/**
 * Decodes UTF-8 into `out` (at least `b.length` long) as UTF-16 code units and returns how many, or
 * -1 at the first byte sequence a fatal TextDecoder rejects (overlong forms, surrogates, code points
 * above U+10FFFF, stray or missing continuation bytes).
 */
function utf8ToUnits(b: Uint8Array, out: Uint16Array): number {
  const n = b.length;
  let j = 0;
  let i = 0;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      out[j++] = c;
      i++;
    } else if (c < 0xc2) {
      return -1;
    } else if (c < 0xe0) {
      if (i + 1 >= n) return -1;
      const c1 = b[i + 1]!;
      if ((c1 & 0xc0) !== 0x80) return -1;
      out[j++] = ((c & 0x1f) << 6) | (c1 & 0x3f);
      i += 2;
    } else if (c < 0xf0) {
      if (i + 2 >= n) return -1;
      const c1 = b[i + 1]!;
      const c2 = b[i + 2]!;
      // E0 needs A0–BF after it (no overlong form), ED 80–9F (no surrogate).
      if (c1 < (c === 0xe0 ? 0xa0 : 0x80) || c1 > (c === 0xed ? 0x9f : 0xbf) || (c2 & 0xc0) !== 0x80) return -1;
      out[j++] = ((c & 0x0f) << 12) | ((c1 & 0x3f) << 6) | (c2 & 0x3f);
      i += 3;
    } else if (c < 0xf5) {
      if (i + 3 >= n) return -1;
      const c1 = b[i + 1]!;
      const c2 = b[i + 2]!;
      const c3 = b[i + 3]!;
      // F0 needs 90–BF after it (no overlong form), F4 80–8F (nothing above U+10FFFF).
      if (c1 < (c === 0xf0 ? 0x90 : 0x80) || c1 > (c === 0xf4 ? 0x8f : 0xbf) || (c2 & 0xc0) !== 0x80 || (c3 & 0xc0) !== 0x80) return -1;
      const cp = (((c & 0x07) << 18) | ((c1 & 0x3f) << 12) | ((c2 & 0x3f) << 6) | (c3 & 0x3f)) - 0x10000;
      out[j++] = 0xd800 | (cp >> 10);
      out[j++] = 0xdc00 | (cp & 0x3ff);
      i += 4;
    } else {
      return -1;
    }
  }
  return j;
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}

/** The control characters `controlShare` counts (tab, line feed, vertical tab, form feed and carriage return are text). */
const CONTROL = /[\x00-\x08\x0e-\x1f\x7f]/u;

function controlShare(text: string): number {
  const n = Math.min(text.length, 8192);
  if (n === 0) return 0;
  // Most texts have none: one regex scan says so faster than a loop counts.
  if (!CONTROL.test(n < text.length ? text.slice(0, n) : text)) return 0;
  let c = 0;
  for (let i = 0; i < n; i++) {
    const k = text.charCodeAt(i);
    if ((k < 32 && (k < 9 || k > 13)) || k === 0x7f) c++;
  }
  return c / n;
}
