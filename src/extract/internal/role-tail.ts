/**
 * `ROLE_TAIL` and `UNIT_ETC` (patterns.ts) read on a range of a text by comparing its last units with
 * their words, instead of running the regex on a slice: the readers of units ask this of every piece
 * of every note, and a slice (and a match array with its groups) per piece was most of what reading
 * agencies allocated. Tested against the patterns in test/extract/role-tail.test.ts.
 *
 * Both patterns are alternations of fixed words anchored at the end (`…$`), so the regex's match is
 * the longest word the range ends with (the leftmost start wins), and the word says the group.
 */

/** What a role tail says: lead (牵头), assist (配合, 协助, 参与) or responsible (负责 …). */
export const TAIL_LEAD = 1;
export const TAIL_ASSIST = 2;
export const TAIL_RESP = 3;

/** ROLE_TAIL's words and groups, longest first. */
const ROLE_ENTRIES: readonly (readonly [string, number])[] = [
  ...['按照职责分工负责', '按照职责分工落实', '按照职能分工负责', '按照职能分工落实'].map((w) => [w, TAIL_RESP] as const),
  ...['按职责分工负责', '按职责分工落实', '按职能分工负责', '按职能分工落实'].map((w) => [w, TAIL_RESP] as const),
  ['牵头负责', TAIL_LEAD],
  ...['分工负责', '共同负责', '负责落实'].map((w) => [w, TAIL_RESP] as const),
  ['牵头', TAIL_LEAD],
  ...['配合', '协助', '参与'].map((w) => [w, TAIL_ASSIST] as const),
  ['负责', TAIL_RESP],
];
// As two plain lists, read by index in the hot loop.
const ROLE_WORDS = ROLE_ENTRIES.map(([w]) => w);
const ROLE_GROUPS = ROLE_ENTRIES.map(([, g]) => g);

/** UNIT_ETC's words, longest first. */
const ETC_WORDS: readonly string[] = ['等单位', '等部门', '等'];

/** Whether [start, end) of `text` ends with `word`. */
function endsWith(text: string, start: number, end: number, word: string): boolean {
  const n = word.length;
  if (end - start < n) return false;
  for (let k = 1; k <= n; k++) if (text.charCodeAt(end - k) !== word.charCodeAt(n - k)) return false;
  return true;
}

/**
 * The role tail [start, end) of `text` ends with, as `length * 4 + group` (a group: TAIL_LEAD,
 * TAIL_ASSIST, TAIL_RESP); 0 when there is none. What `ROLE_TAIL.exec(text.slice(start, end))` finds:
 * its match is the last `length` units, in the named group.
 */
export function roleTail(text: string, start: number, end: number): number {
  for (let k = 0; k < ROLE_WORDS.length; k++) {
    const word = ROLE_WORDS[k]!;
    if (endsWith(text, start, end, word)) return word.length * 4 + ROLE_GROUPS[k]!;
  }
  return 0;
}

/** The length of the 等 / 等单位 / 等部门 [start, end) of `text` ends with (`UNIT_ETC`'s match), or 0. */
export function unitEtcLength(text: string, start: number, end: number): number {
  for (let k = 0; k < ETC_WORDS.length; k++) if (endsWith(text, start, end, ETC_WORDS[k]!)) return ETC_WORDS[k]!.length;
  return 0;
}
