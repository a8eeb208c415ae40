/**
 * Positions of the characters several extractors walk between — line breaks and brackets (agency
 * notes), 《》“” (titles and quotations) and the suffix characters of division names — found in one
 * pass over the text with a table, instead of one scan per reader. The last text's marks are kept: the
 * extractors read the same text in a row.
 */
export interface TextMarks {
  /** Line breaks and the brackets ( [ （ 【 ［ ) ] ） 】 ］. */
  breaksAndBrackets: number[];
  /** 《 》 “ ”. */
  quotes: number[];
  /** 省 市 区 县 州 旗 盟. */
  suffixes: number[];
}

export const BREAKS_AND_BRACKETS = '\n([\uff08\u3010\uff3b)]\uff09\u3011\uff3d';
export const QUOTES = '《》“”';
export const SUFFIXES = '省市区县州旗盟';

const BRACKET_KIND = 1;
const QUOTE_KIND = 2;
const SUFFIX_KIND = 3;
const KIND = new Uint8Array(0x10000);
for (const [chars, kind] of [[BREAKS_AND_BRACKETS, BRACKET_KIND], [QUOTES, QUOTE_KIND], [SUFFIXES, SUFFIX_KIND]] as const) {
  for (let k = 0; k < chars.length; k++) KIND[chars.charCodeAt(k)] = kind;
}

let last: { text: string; marks: TextMarks } | null = null;

export function textMarks(text: string): TextMarks {
  if (last?.text === text) return last.marks;
  const marks: TextMarks = { breaksAndBrackets: [], quotes: [], suffixes: [] };
  for (let i = 0; i < text.length; i++) {
    const kind = KIND[text.charCodeAt(i)];
    if (kind === 0) continue;
    if (kind === BRACKET_KIND) marks.breaksAndBrackets.push(i);
    else if (kind === QUOTE_KIND) marks.quotes.push(i);
    else marks.suffixes.push(i);
  }
  last = { text, marks };
  return marks;
}

/** Index of the first position >= `at` in a sorted list. */
export function firstAtOrAfter(list: readonly number[], at: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
