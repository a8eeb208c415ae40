import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PositionTable } from '../../src/compare/internal/position-table.js';

/** The positions of `own` whose hash is among `other`'s, marked the plain way. */
function naive(own: Float64Array, other: Float64Array): number[] {
  const set = new Set(other);
  return [...own].map((h) => (set.has(h) ? 1 : 0));
}

describe('PositionTable.markPresent', () => {
  it('marks what a set would, with hashes repeated on both sides, over calls reusing one table', () => {
    // Few distinct values: long chains of one hash in the table, and each met many times in `other`.
    const hashes = fc.array(fc.integer({ min: 0, max: 6 }).map((x) => x * 2 ** 30 + 7), { maxLength: 200 }).map((a) => Float64Array.from(a));
    const table = new PositionTable(new Float64Array(0));
    fc.assert(
      fc.property(hashes, fc.array(hashes, { minLength: 1, maxLength: 4 }), (own, others) => {
        table.load(own);
        for (const other of others) {
          const matched = new Uint8Array(own.length);
          table.markPresent(other, matched);
          expect([...matched]).toEqual(naive(own, other));
        }
      }),
      { numRuns: 2000 },
    );
  });
});
