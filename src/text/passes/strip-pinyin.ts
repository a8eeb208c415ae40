import { applyEdits, type Edit, type MappedText } from '../mapped-text.js';

/**
 * Removal of pinyin that reading-aid sites insert after characters: `素質(zhì)`, `科(kē)學(xué)`,
 * `科学(kē xué)`, `科(ke1)`. A bracket is removed only when it follows a Han character (spaces
 * between allowed) and holds nothing but pinyin syllables — tone-marked, tone-numbered or bare,
 * separated by spaces, apostrophes or nothing. Years, ordinals, notes and Latin abbreviations
 * (`(2022-2025年)`, `(一)`, `(责任单位:…)`, `(STEM)`) are never touched.
 */

const INITIALS = '(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])';
// Finals after an initial, and syllables that stand alone (a, o, e, ai, er …). Over-inclusive by a
// little (it accepts `bue`); a bracket of such letters after a Han character is pinyin anyway.
const FINALS =
  '(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|van|üan|ai|ao|an|ei|en|er|ia|ie|in|iu|ou|ua|ui|un|uo|ue|ve|üe|vn|ün|a|o|e|i|u|v|ü|ng|m|n)';
const SYLLABLE = new RegExp(`^(?:${INITIALS}?${FINALS})$`, 'u');
const SYLLABLES = new RegExp(`^(?:${INITIALS}?${FINALS}[1-5]?)(?:['’ -]?${INITIALS}?${FINALS}[1-5]?){0,7}$`, 'u');

const TONE_MARKS: Readonly<Record<string, string>> = {
  ā: 'a', á: 'a', ǎ: 'a', à: 'a',
  ē: 'e', é: 'e', ě: 'e', è: 'e', ê: 'e',
  ī: 'i', í: 'i', ǐ: 'i', ì: 'i',
  ō: 'o', ó: 'o', ǒ: 'o', ò: 'o',
  ū: 'u', ú: 'u', ǔ: 'u', ù: 'u',
  ǖ: 'ü', ǘ: 'ü', ǚ: 'ü', ǜ: 'ü',
  ń: 'n', ň: 'n', ǹ: 'n', ḿ: 'm',
};
const TONE_RE = /[āáǎàēéěèêīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]/gu;

/**
 * A bracket right after a Han character, possibly with spaces between; content without brackets or
 * newlines: `(?<=[\p{Script=Han}〇])([ \t\u00a0\u3000]*)\(([^()\n]{1,60})\)`, matched (by `brackets`)
 * where the spaces start once the character before them is checked.
 */
const BRACKET_AT = /([ \t\u00a0\u3000]*)\(([^()\n]{1,60})\)/uy;
const HAN_OR_ZERO = /^[\p{Script=Han}〇]$/u;

function isBracketSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x3000;
}

/**
 * Whether the bracket opened at `q` holds a CJK ideograph (U+4E00–U+9FFF) before it closes. Such a
 * bracket is never pinyin (`pinyinKind` refuses any content with one: NFC leaves these characters as
 * they are), so it is passed over without a match: most brackets of a plan are `(一)`, `(2022-2025年)`
 * or notes. (Its content holds no `(`, so the next bracket looked at is the same either way.)
 */
function holdsIdeograph(text: string, q: number): boolean {
  const end = Math.min(text.length, q + 62);
  for (let i = q + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x29 || c === 0x28 || c === 0x0a) return false;
    if (c >= 0x4e00 && c <= 0x9fff) return true;
  }
  return false;
}

/**
 * The matches of the bracket pattern that may hold pinyin, in order, found from each `(` instead of trying the look-behind at every
 * position of the text: a match can only start where the run of spaces before a `(` starts.
 */
function brackets(text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  for (let q = text.indexOf('('); q >= 0; q = text.indexOf('(', q + 1)) {
    if (holdsIdeograph(text, q)) continue;
    let p = q;
    while (p > 0 && isBracketSpace(text.charCodeAt(p - 1))) p--;
    if (p === 0) continue;
    const low = text.charCodeAt(p - 1);
    const pair = (low & 0xfc00) === 0xdc00 && p >= 2 && (text.charCodeAt(p - 2) & 0xfc00) === 0xd800;
    if (!HAN_OR_ZERO.test(text.slice(pair ? p - 2 : p - 1, p))) continue;
    BRACKET_AT.lastIndex = p;
    const m = BRACKET_AT.exec(text);
    if (!m) continue;
    out.push(m);
    q = p + m[0].length - 1;
  }
  return out;
}

/**
 * Whether a bracket's content is pinyin: one to eight syllables, each with a tone mark, a tone number
 * or none. Bare (toneless) content must be all lowercase words of one syllable each, and a single
 * one-letter syllable (`a`, `e`) is not enough; `toned` tells whether it carried tones.
 *
 * @example
 * pinyinKind('kē xué'); // 'toned'
 * pinyinKind('ke1');    // 'toned'
 * pinyinKind('xue');    // 'bare'
 * pinyinKind('STEM');   // null
 */
export function pinyinKind(content: string): 'toned' | 'bare' | null {
  const c = content.trim().normalize('NFC');
  if (c === '' || c.length > 60) return null;
  if (!/^[a-zāáǎàēéěèêīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ1-5'’ -]+$/u.test(c)) return null;
  const toned = TONE_RE.test(c) || /[a-zü][1-5](?:$|[ '’-])/u.test(c);
  TONE_RE.lastIndex = 0;
  const bare = c.replace(TONE_RE, (m) => TONE_MARKS[m] ?? m);
  if (!SYLLABLES.test(bare)) return null;
  if (toned) return 'toned';
  const words = bare.split(/[ '’-]+/u).filter((w) => w !== '');
  // Bare content: every word one syllable (a run of them glued together needs tones to be sure).
  if (!words.every((w) => SYLLABLE.test(w))) return null;
  if (words.length === 1 && words[0]!.length < 2) return null;
  return 'bare';
}

/** Toned annotations a text must have before bare ones (`(xue)`, which could be a word) are removed too. */
const MIN_TONED_FOR_BARE = 3;

/**
 * Removes inserted pinyin annotations — the bracket and any spaces before it — keeping the offset
 * map exact. Toneless annotations (`科(ke)`) are removed only when the text also has at least three
 * toned ones, so a lone `(men)` after a character stays (the removed text simply vanishes from the normalised text). Runs after width folding,
 * so fullwidth brackets `（zhì）` are already `(zhì)`.
 *
 * @example
 * import { normalizeText } from '../normalize-text.js';
 * normalizeText('科(kē)学(xué)素质（zhì）(2022-2025年)(STEM)', { passes: [stripPinyin] }).mt.text;
 * // '科学素质(2022-2025年)(STEM)'
 */
export const stripPinyin = (mt: MappedText): MappedText => {
  const text = mt.text;
  if (text.indexOf('(') < 0) return mt;
  const toned: Edit[] = [];
  const bare: Edit[] = [];
  for (const m of brackets(text)) {
    const kind = pinyinKind(m[2] ?? '');
    if (kind === null) continue;
    (kind === 'toned' ? toned : bare).push({ start: m.index, end: m.index + m[0].length, replacement: '' });
  }
  const edits = toned.length >= MIN_TONED_FOR_BARE ? [...toned, ...bare] : toned;
  return edits.length === 0 ? mt : applyEdits(mt, edits);
};
