import { FIGURE_BODY_CHARS, FIGURE_START_CHARS, INDICATOR_FIGURE } from './patterns.js';
import { textMarks } from './text-marks.js';
import { unnamed } from './unnamed.js';

/**
 * The figure pattern anchored at `lastIndex`, tried only where a figure can be; without group names
 * (a third of the allocation of a match with its seven named groups), read by {@link FIGURE_GROUP}.
 */
const FIGURE = unnamed(INDICATOR_FIGURE, 'uy');
const FIGURE_AT = FIGURE.re;

/** The numbers of INDICATOR_FIGURE's named groups in the matches of {@link findFigureMatches}. */
export const FIGURE_GROUP = {
  num: FIGURE.group('num'),
  mult: FIGURE.group('mult'),
  range: FIGURE.group('range'),
  approx: FIGURE.group('approx'),
  unit: FIGURE.group('unit'),
} as const;

/** The names of the groups by number (to compare with INDICATOR_FIGURE's matches in tests). */
export const FIGURE_GROUP_NAMES = FIGURE.names;

const START = 1;
const BODY = 2;

/** Character classes by UTF-16 unit, for the characters a figure is made of before its unit (all in the BMP). */
const CLASS = new Uint8Array(0x10000);
for (const c of FIGURE_START_CHARS) CLASS[c.charCodeAt(0)]! |= START;
for (const c of FIGURE_BODY_CHARS) CLASS[c.charCodeAt(0)]! |= BODY;

/**
 * The matches `text.matchAll(INDICATOR_FIGURE)` gives, found faster, without `groups`: a group is read
 * by its number, `m[FIGURE_GROUP.unit]`. A scan of the whole text by the
 * regex costs as much as a few hundred matches. A match is a run of body characters (numerals, 万,
 * 至 …) that starts with a numeral and ends at a unit, so the regex is tried only at the numerals of
 * the run before a unit's first character (from the text's marks), in order, each position once.
 */
export function findFigureMatches(text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  // Positions before `done` are tried or inside a match already.
  let done = 0;
  for (const u of textMarks(text).unitStarts) {
    if (u <= done) continue;
    let s = u;
    while (s > done && (CLASS[text.charCodeAt(s - 1)]! & BODY) !== 0) s--;
    for (let q = s; q < u; q++) {
      if ((CLASS[text.charCodeAt(q)]! & START) === 0) continue;
      FIGURE_AT.lastIndex = q;
      const m = FIGURE_AT.exec(text);
      if (m !== null) {
        out.push(m);
        done = q + m[0].length;
        break;
      }
    }
    if (done < u) done = u;
  }
  return out;
}
