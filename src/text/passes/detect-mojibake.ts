import { toOriginalSpan, type MappedText } from '../mapped-text.js';

/**
 * What kind of damage a run of text shows:
 * - `lost-character`: `?` where a character could not be encoded (`?025年`, `20?5`, `素??行动`);
 * - `replacement-character`: U+FFFD from a decoder;
 * - `kunkao`: `锟斤拷` — U+FFFD written as UTF-8 and read back as GBK;
 * - `uninitialised`: `烫烫烫` / `屯屯屯` — uninitialised memory printed as GBK;
 * - `utf8-as-latin1`: `ä¸­æ–‡` — UTF-8 bytes read as Latin-1 / Windows-1252;
 * - `utf8-as-gbk`: `鍏ㄦ皯绉戝锛岃` — UTF-8 bytes read as GBK (betrayed by 锛 銆 鈥 €, the GBK
 *   reading of UTF-8 Chinese punctuation, and private-use characters), when there are three or more.
 */
export type MojibakeKind =
  | 'lost-character'
  | 'replacement-character'
  | 'kunkao'
  | 'uninitialised'
  | 'utf8-as-latin1'
  | 'utf8-as-gbk';

/** A damaged run. `start`/`end` are offsets in the ORIGINAL text (mapped through the text's map). */
export interface MojibakeRun {
  start: number;
  end: number;
  kind: MojibakeKind;
  /** The damaged text as it appears in the normalised text. */
  text: string;
}

// `?` standing for a digit: next to digits, inside a number (`?025年`, `20?5`, `2?25`, `202?年`).
const LOST_DIGIT = /(?<![A-Za-z])(?:\d+\?+\d+|\?+\d{2,}|\d+\?+(?=年|[-—~至到]|%))[\d?]*/gu;
// `?` between two Han characters, or two or more in a row inside Chinese text.
const LOST_HAN = /(?<=[\p{Script=Han}])(?<![吗呢么吧啊])\?+(?=[\p{Script=Han}])|(?<=[\p{Script=Han},。、;:])\?{2,}|\?{2,}(?=[\p{Script=Han}])/gu;
const REPLACEMENT = /\ufffd+/gu;
const KUNKAO = /(?:锟斤拷|锟斤|斤拷)+(?:锟)?/gu;
const UNINIT = /(?:烫){3,}|(?:屯){3,}|(?:烫烫|屯屯)(?:烫|屯)+/gu;
// A UTF-8 lead byte of a CJK character (E3–E9) read as Latin-1, then two continuation bytes
// (0x80–0xBF) as Latin-1 or as their Windows-1252 glyphs.
const CONT = '[\\u0080-\\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]';
// One continuation byte may be missing: a no-break space (0xA0) is removed with the other spaces.
const LATIN1 = new RegExp(`(?:[\\u00e3-\\u00e9]${CONT}{1,2}){2,}`, 'gu');
// GBK readings of UTF-8 bytes: EF BC xx (fullwidth punctuation) → 锛, E3 80 xx (、。「」) → 銆,
// E2 80 xx (“” — …) → 鈥, the `€` that GBK maps a lone 0x80 to, and private-use characters that
// byte pairs outside GBK's repertoire decode to.
const GBK_MARK = /[锛銆鈥][^\n]?|[€\ue000-\uf8ff]/gu;
const GBK_GAP = 8;
/** Characters one of the patterns needs: ?, U+FFFD, 斤 (锟斤拷), 烫 / 屯, a GBK mark (锛 銆 鈥 €) … */
const DAMAGE_CHARS = '?\ufffd斤烫屯锛銆鈥€';
/** … or a Latin-1 lead byte (ã–é) or a private-use character. */
const DAMAGE_RANGES = /[\u00e3-\u00e9\ue000-\uf8ff]/;

/** Whether any pattern could match: each character is looked for with indexOf (far faster than a regex class scan). */
function mayBeDamaged(text: string): boolean {
  for (const ch of DAMAGE_CHARS) if (text.includes(ch)) return true;
  return DAMAGE_RANGES.test(text);
}

/**
 * Finds runs of mojibake and lost characters in a (normalised) text and returns them with spans in
 * the original text, for `noise/mojibake` diagnostics. It never guesses what a lost character was.
 * Runs are sorted and do not overlap. Browser-safe, never throws.
 *
 * @example
 * import { normalizeText } from '../normalize-text.js';
 * const { mt } = normalizeText('到?025年,比例达到15%。锟斤拷');
 * detectMojibake(mt);
 * // [{ start: 1, end: 5, kind: 'lost-character', text: '?025' },
 * //  { start: 15, end: 18, kind: 'kunkao', text: '锟斤拷' }]
 */
export function detectMojibake(mt: MappedText): MojibakeRun[] {
  const text = mt.text;
  // Most texts have none of the characters any damage pattern needs: one scan says so.
  if (!mayBeDamaged(text)) return [];
  const found: { s: number; e: number; kind: MojibakeKind }[] = [];
  const add = (re: RegExp, kind: MojibakeKind) => {
    for (const m of text.matchAll(re)) if (m[0].length > 0) found.push({ s: m.index, e: m.index + m[0].length, kind });
  };
  if (text.includes('?')) {
    add(LOST_DIGIT, 'lost-character');
    add(LOST_HAN, 'lost-character');
  }
  add(REPLACEMENT, 'replacement-character');
  add(KUNKAO, 'kunkao');
  add(UNINIT, 'uninitialised');
  add(LATIN1, 'utf8-as-latin1');
  const gbk = [...text.matchAll(GBK_MARK)];
  // One 锛 may be a rare character; three marks are a pattern.
  if (gbk.length >= 3) {
    for (const m of gbk) found.push({ s: m.index, e: m.index + m[0].length, kind: 'utf8-as-gbk' });
  }
  found.sort((a, b) => a.s - b.s || b.e - a.e);
  const runs: { s: number; e: number; kind: MojibakeKind }[] = [];
  for (const f of found) {
    const last = runs.at(-1);
    // Overlapping runs merge; GBK-read marks a few characters apart are one damaged run.
    const gap = last && last.kind === 'utf8-as-gbk' && f.kind === last.kind ? GBK_GAP : 0;
    if (last && f.s <= last.e + gap && (f.kind === last.kind || f.s < last.e)) {
      last.e = Math.max(last.e, f.e);
      continue;
    }
    runs.push({ ...f });
  }
  return runs.map((r) => {
    const span = toOriginalSpan(mt, r.s, r.e);
    return { start: span.start, end: span.end, kind: r.kind, text: text.slice(r.s, r.e) };
  });
}
