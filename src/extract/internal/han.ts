import { HAN } from './patterns.js';

/** What HAN says of each code unit, learnt on first sight: 0 not yet asked, 1 Han, 2 not Han. */
const known = new Uint8Array(0x10000);

/** `HAN.test(ch)` for the one-unit string of `c` (NaN, outside a text, is not Han), without a regex per call. */
export function isHanUnit(c: number): boolean {
  if (!(c >= 0 && c <= 0xffff)) return false;
  let v = known[c]!;
  if (v === 0) {
    v = HAN.test(String.fromCharCode(c)) ? 1 : 2;
    known[c] = v;
  }
  return v === 1;
}

/** The number of Han characters (code points) in `s`: `for (const ch of s) if (HAN.test(ch)) n++`. */
export function hanCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      if (HAN.test(s.slice(i, i + 2))) n++;
      i++;
    } else if (isHanUnit(c)) n++;
  }
  return n;
}
