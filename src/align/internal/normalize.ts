import { foldCodes, foldScript } from './fold-script.js';

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
  return normalizeCore(input, true);
}

function normalizeCore(input: string, withMap: boolean): NormalizedWithMap {
  const codes: number[] = [];
  const map: number[] = [];
  const fold = foldCodes();
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    // Fast paths: CJK unified ideographs (folded), ASCII, fullwidth ASCII, common punctuation.
    if (c >= 0x4e00 && c <= 0x9fff) {
      codes.push(fold[c] || c);
      if (withMap) map.push(i);
    } else if (c < 0x80) {
      if ((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a)) {
        codes.push(c);
        if (withMap) map.push(i);
      } else if (c >= 0x41 && c <= 0x5a) {
        codes.push(c + 32);
        if (withMap) map.push(i);
      }
    } else if (c >= 0xff01 && c <= 0xff5e) {
      const a = c - 0xfee0;
      if ((a >= 0x30 && a <= 0x39) || (a >= 0x61 && a <= 0x7a)) {
        codes.push(a);
        if (withMap) map.push(i);
      } else if (a >= 0x41 && a <= 0x5a) {
        codes.push(a + 32);
        if (withMap) map.push(i);
      }
    } else if (c === 0xa0 || (c >= 0x2000 && c <= 0x206f) || isCjkPunctuation(c)) {
      // punctuation and spaces: dropped
    } else {
      const low = i + 1 < input.length ? input.charCodeAt(i + 1) : 0;
      const end = c >= 0xd800 && c <= 0xdbff && low >= 0xdc00 && low <= 0xdfff ? i + 2 : i + 1;
      for (const x of slow(input.slice(i, end))) {
        codes.push(x);
        if (withMap) map.push(i);
      }
      i = end - 1;
    }
  }
  let text = '';
  for (let k = 0; k < codes.length; k += 4096) text += String.fromCharCode(...codes.slice(k, k + 4096));
  return { text, map };
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

/** {@link normalizeWithMap} without the map. */
export function normalizeForMatch(input: string): string {
  return normalizeCore(input, false).text;
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
