import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FIGURE_GROUP_NAMES, findFigureMatches } from '../../src/extract/internal/figure-scan.js';
import { FIGURE_UNIT_FIRST_CHARS, INDICATOR_FIGURE } from '../../src/extract/internal/patterns.js';
import { BREAKS_AND_BRACKETS, QUOTES, SUFFIXES } from '../../src/extract/internal/text-marks.js';
import { seed } from '../seeds.js';

const view = (ms: Iterable<RegExpMatchArray>) => [...ms].map((m) => [m.index, m[0], { ...m.groups }]);
/** The view of findFigureMatches' matches (groups by number), with the groups named as INDICATOR_FIGURE names them. */
const viewNumbered = (ms: Iterable<RegExpMatchArray>) =>
  [...ms].map((m) => {
    expect(m.groups).toBeUndefined();
    expect(m.length).toBe(FIGURE_GROUP_NAMES.length);
    return [m.index, m[0], Object.fromEntries(FIGURE_GROUP_NAMES.map((n, k) => [n, m[k]] as const).filter(([n]) => n !== ''))];
  });

describe('findFigureMatches', () => {
  it('finds what a scan of the whole text by INDICATOR_FIGURE finds, on the seeds', () => {
    for (let i = 0; i < 5; i++) {
      const text = seed(i).text;
      expect(viewNumbered(findFigureMatches(text))).toEqual(view(text.matchAll(INDICATOR_FIGURE)));
    }
  });
  it('finds the same on any text made of the characters the pattern names', () => {
    // Every literal character of the pattern (units, the words its lookaheads refuse, numerals …) and a few others.
    const alphabet = [...new Set(INDICATOR_FIGURE.source.replace(/\\[dp]|[\\()?:<>!|{}[\]^$*+]/g, ''))].concat(['年', '的', ' ', '\n', 'x']);
    const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(viewNumbered(findFigureMatches(t))).toEqual(view(t.matchAll(INDICATOR_FIGURE)));
      }),
      { numRuns: 30000 },
    );
  });
});

describe('textMarks', () => {
  it('reads the figure unit characters apart from the other marks (the sets share no character)', () => {
    const sets = [BREAKS_AND_BRACKETS, QUOTES, SUFFIXES, FIGURE_UNIT_FIRST_CHARS];
    const all = sets.join('');
    expect(new Set(all).size).toBe(all.length);
  });
});
