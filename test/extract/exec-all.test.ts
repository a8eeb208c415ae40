import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { execAll } from '../../src/extract/internal/exec-all.js';
import { ROLE_LABEL, TARGET_FIGURE, YEAR_PHRASE } from '../../src/extract/internal/patterns.js';

const view = (ms: Iterable<RegExpMatchArray>) => [...ms].map((m) => [m.index, m[0], { ...m.groups }]);

describe('execAll', () => {
  it('finds what matchAll finds, empty matches and surrogate pairs included, and leaves lastIndex at 0', () => {
    const patterns = [ROLE_LABEL, TARGET_FIGURE, YEAR_PHRASE, /x*/gu, /(?:)/gu, /a|/g];
    const text = fc.array(fc.constantFrom('x', 'a', '牵头单位', ':', '15%', '到2025年', '😀', '\ud83d', '\n'), { maxLength: 12 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, fc.constantFrom(...patterns), (t, re) => {
        expect(view(execAll(re, t))).toEqual(view(t.matchAll(re)));
        expect(re.lastIndex).toBe(0);
      }),
      { numRuns: 3000 },
    );
  });
});
