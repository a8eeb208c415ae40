import { FIGURE_UNIT_FIRST_CHARS } from './patterns.js';

/**
 * Positions of the characters several readers walk between — line breaks and brackets (agency
 * notes), 《》“” (titles and quotations), the suffix characters of division names, the first
 * characters of figure units and the characters heading markers end or start with — found in one
 * pass over the text with a table, instead of one scan per reader. The last text's marks are kept:
 * the readers take the same text in a row.
 */
export interface TextMarks {
  /** Line breaks and the brackets ( [ （ 【 ［ ) ] ） 】 ］. */
  breaksAndBrackets: Int32Array;
  /** 《 》 “ ”. */
  quotes: Int32Array;
  /** 省 市 区 县 州 旗 盟. */
  suffixes: Int32Array;
  /** The first characters of the units of figures (个 人 % 百 …: `FIGURE_UNIT_FIRST_CHARS`). */
  unitStarts: Int32Array;
  /** 、 . ) ） ( — ① … ⑳ ⑴ … ⒇ (heading markers: `一、` `1.` `1)` `(一)` `(1)` `①` `⑴` `——`). */
  headingChars: Int32Array;
}

export const BREAKS_AND_BRACKETS = '\n([\uff08\u3010\uff3b)]\uff09\u3011\uff3d';
export const QUOTES = '《》“”';
export const SUFFIXES = '省市区县州旗盟';
export const HEADING_CHARS = `、.)\uff09(\u2014${String.fromCharCode(...Array.from({ length: 40 }, (_, k) => 0x2460 + k))}`;

const BRACKET_KIND = 1;
const QUOTE_KIND = 2;
const SUFFIX_KIND = 3;
const UNIT_KIND = 4;
const HEADING_KIND = 5;
/** A bracket that heading markers use too: ( ) ）. */
const BRACKET_HEADING_KIND = 6;
const KIND = new Uint8Array(0x10000);
// The sets share no character, but for the brackets in both the first and the last.
for (const [chars, kind] of [[BREAKS_AND_BRACKETS, BRACKET_KIND], [QUOTES, QUOTE_KIND], [SUFFIXES, SUFFIX_KIND], [FIGURE_UNIT_FIRST_CHARS, UNIT_KIND]] as const) {
  for (let k = 0; k < chars.length; k++) KIND[chars.charCodeAt(k)] = kind;
}
for (let k = 0; k < HEADING_CHARS.length; k++) {
  const c = HEADING_CHARS.charCodeAt(k);
  KIND[c] = KIND[c] === BRACKET_KIND ? BRACKET_HEADING_KIND : HEADING_KIND;
}

let last: { text: string; marks: TextMarks } | null = null;

export function textMarks(text: string): TextMarks {
  if (last?.text === text) {
    // The same text as another string (the same plan read again) compares unit by unit: kept as this one,
    // the next readers' look is the same string's, at once (40,000 sections read again took 10.9 s, not 0.4 s).
    last.text = text;
    return last.marks;
  }
  // Two passes, the first counting: each list is made at its size once, as a typed array (4 bytes an
  // entry, outside the heap), rather than grown by `push` (which copies it several times over).
  const counts = [0, 0, 0, 0, 0, 0, 0];
  for (let i = 0; i < text.length; i++) counts[KIND[text.charCodeAt(i)]!]!++;
  const both = counts[BRACKET_HEADING_KIND]!;
  const marks: TextMarks = {
    breaksAndBrackets: new Int32Array(counts[BRACKET_KIND]! + both),
    quotes: new Int32Array(counts[QUOTE_KIND]!),
    suffixes: new Int32Array(counts[SUFFIX_KIND]!),
    unitStarts: new Int32Array(counts[UNIT_KIND]!),
    headingChars: new Int32Array(counts[HEADING_KIND]! + both),
  };
  let b = 0;
  let q = 0;
  let s = 0;
  let u = 0;
  let h = 0;
  for (let i = 0; i < text.length; i++) {
    const kind = KIND[text.charCodeAt(i)];
    if (kind === 0) continue;
    if (kind === BRACKET_KIND) marks.breaksAndBrackets[b++] = i;
    else if (kind === QUOTE_KIND) marks.quotes[q++] = i;
    else if (kind === SUFFIX_KIND) marks.suffixes[s++] = i;
    else if (kind === UNIT_KIND) marks.unitStarts[u++] = i;
    else if (kind === HEADING_KIND) marks.headingChars[h++] = i;
    else {
      marks.breaksAndBrackets[b++] = i;
      marks.headingChars[h++] = i;
    }
  }
  last = { text, marks };
  return marks;
}
