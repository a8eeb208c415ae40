import { UNITS_DECODABLE, unitsBuffer, unitsString } from './utf16-units.js';

/** Fullwidth ASCII, U+FF01–U+FF5E (the ideographic space is handled as a space). */
export const FULLWIDTH_ASCII = /[\uff01-\uff5e]/gu;

const FIRST = 0xff01;
const LAST = 0xff5e;
/** Fullwidth minus halfwidth. */
const SHIFT = 0xfee0;

/**
 * Fullwidth ASCII folded to halfwidth: what `text.replace(FULLWIDTH_ASCII, (ch) => halfwidth)` gives,
 * and `text` itself when there is nothing to fold. The units are folded into a reused buffer and made a
 * string once by the UTF-16 decoder: a plan's text has thousands of fullwidth commas and brackets, and a
 * replace makes a string and a call per match before the result. A text with an unpaired surrogate
 * (which the decoder would not keep) or a big-endian platform takes the replace.
 */
export function foldWidths(text: string): string {
  const n = text.length;
  let first = 0;
  while (first < n && !isFullwidthAscii(text.charCodeAt(first))) first++;
  if (first === n) return text;
  if (!UNITS_DECODABLE) return text.replace(FULLWIDTH_ASCII, foldWidth);
  const units = unitsBuffer(n);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c & 0xf800) === 0xd800) {
      // A pair is copied as it is; an unpaired surrogate sends the text to the replace.
      if (c >= 0xdc00 || i + 1 >= n || (text.charCodeAt(i + 1) & 0xfc00) !== 0xdc00) return text.replace(FULLWIDTH_ASCII, foldWidth);
      units[i] = c;
      units[++i] = text.charCodeAt(i);
      continue;
    }
    units[i] = isFullwidthAscii(c) ? c - SHIFT : c;
  }
  return unitsString(units, n);
}

function isFullwidthAscii(c: number): boolean {
  return c >= FIRST && c <= LAST;
}

/** One fullwidth character to halfwidth (the replace's function). */
function foldWidth(ch: string): string {
  return String.fromCharCode(ch.charCodeAt(0) - SHIFT);
}
