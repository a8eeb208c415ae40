/**
 * Building a string from UTF-16 code units written into a typed array: one copy by the UTF-16
 * decoder, instead of a string grown piece by piece. Used where a whole text is rebuilt (decoding
 * UTF-8, folding widths, applying edits). A Uint16Array's bytes are in the platform's order, which the
 * UTF-16LE decoder reads correctly only on little-endian platforms: callers keep a plain path for the
 * others (`UNITS_DECODABLE` false).
 */

/** Whether {@link unitsString} can be used on this platform. */
export const UNITS_DECODABLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Texts up to this many units (plans are 5–50 thousand) are built in one reused buffer. */
const SCRATCH_UNITS = 1 << 19;
let scratch: Uint16Array | undefined;

/**
 * A buffer of at least `n` units to write a text into: one reused buffer when it is large enough (its
 * contents last until the next call anywhere: write, then make the string, with nothing in between).
 */
export function unitsBuffer(n: number): Uint16Array {
  return n <= SCRATCH_UNITS ? (scratch ??= new Uint16Array(SCRATCH_UNITS)) : new Uint16Array(n);
}

/** `ignoreBOM`: a U+FEFF at the start is kept, as a string built by joining keeps it. */
const UTF16LE = new TextDecoder('utf-16le', { ignoreBOM: true });

/** The string of the first `n` units (which must hold no unpaired surrogate: the decoder would replace it). */
export function unitsString(units: Uint16Array, n: number): string {
  return UTF16LE.decode(units.subarray(0, n));
}

/** Whether the first `n` units hold a surrogate without its partner. */
export function hasUnpairedSurrogate(units: Uint16Array, n: number): boolean {
  for (let i = 0; i < n; i++) {
    const c = units[i]!;
    if ((c & 0xf800) !== 0xd800) continue;
    if (c >= 0xdc00 || i + 1 >= n || (units[i + 1]! & 0xfc00) !== 0xdc00) return true;
    i++;
  }
  return false;
}
