import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RESIDUE_OR_SPACE, residueAndSpaceRuns } from '../../src/text/space-runs.js';
import { seedFiles } from '../seeds.js';

/** The regex's matches as the scanner's triples. */
function byRegex(text: string): number[] {
  return [...text.matchAll(RESIDUE_OR_SPACE)].flatMap((m) => [m.index, m.index + m[0].length, m[1] !== undefined ? 1 : 0]);
}

describe('residueAndSpaceRuns', () => {
  it('finds what RESIDUE_OR_SPACE finds, on the seeds', () => {
    for (const { text } of seedFiles()) expect(residueAndSpaceRuns(text)).toEqual(byRegex(text));
  });

  it('finds the same on any text of residue pieces, spaces and look-alikes', () => {
    const pieces = [
      '[bookmark: _GoBack]', '[bookmark:', '[BOOKMARK:x]', ']', '[', '<p>', '</span>', '<br/>', '<a href="x">', '<P CLASS=a>', '<', '>', '</', '<1>',
      '&nbsp;', '&NBSP;', '&nbsp', '&', 'a', 'z', 'K', '\u212a', '\u017f', '9', ' ', '\t', '\r', '\n', '\u00a0', '\u2002', '\u200b', '\u200c', '\u3000', '\ufeff',
      '科', '学', ',', '\ud83d', '😀',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 20 }).map((a) => a.join('')), (t) => {
        expect(residueAndSpaceRuns(t)).toEqual(byRegex(t));
      }),
      { numRuns: 20000 },
    );
  });
});
