import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeSliceToBuffer, normalizeToBuffer, normalizeWithMap } from '../../src/align/internal/normalize.js';
import { PairTable } from '../../src/align/internal/pair-table.js';
import { PhraseMatcher } from '../../src/align/internal/phrase-matcher.js';
import { sortSmall } from '../../src/align/internal/sort-small.js';

/** Every occurrence by indexOf, in the matcher's order: by end, longer first, duplicates in index order. */
function reference(patterns: string[], text: string): { pattern: number; end: number }[] {
  const hits: { pattern: number; end: number }[] = [];
  patterns.forEach((p, i) => {
    if (!p) return;
    for (let k = text.indexOf(p); k >= 0; k = text.indexOf(p, k + 1)) hits.push({ pattern: i, end: k + p.length });
  });
  return hits.sort((a, b) => a.end - b.end || patterns[b.pattern]!.length - patterns[a.pattern]!.length || a.pattern - b.pattern);
}

const chars = '科学普及精神全链条基地';
const pattern = fc.string({ unit: fc.constantFrom(...chars.split('')), maxLength: 4 });
const text = fc.string({ unit: fc.constantFrom(...chars.split('')), maxLength: 40 });

describe('PhraseMatcher', () => {
  it('reports every occurrence in order (one-character, empty and repeated patterns included)', () => {
    fc.assert(
      fc.property(fc.array(pattern, { maxLength: 12 }), text, (patterns, t) => {
        expect(new PhraseMatcher(patterns).findAll(t)).toEqual(reference(patterns, t));
      }),
      { numRuns: 300 },
    );
  });

  it('firstHits: the first occurrence of each pattern not yet seen, in the same order', () => {
    fc.assert(
      fc.property(fc.array(pattern, { maxLength: 12 }), text, (patterns, t) => {
        const m = new PhraseMatcher(patterns);
        const expected: number[] = [];
        const starts: number[] = [];
        for (const h of reference(patterns, t)) {
          if (expected.includes(h.pattern)) continue;
          expected.push(h.pattern);
          starts.push(h.end - patterns[h.pattern]!.length);
        }
        const codes = Uint16Array.from(t, (c) => c.charCodeAt(0));
        const seen = new Uint8Array(patterns.length);
        const found: number[] = [];
        const at: number[] = [];
        const count = m.firstHits(codes, codes.length, seen, found, at);
        expect(found.slice(0, count)).toEqual(expected);
        expect(at.slice(0, count)).toEqual(starts);
      }),
      { numRuns: 300 },
    );
  });
});

describe('normalisation into the shared buffer', () => {
  const unit = fc.oneof(
    fc.constantFrom(...'實施科學素質（一）、。ＡＢ１２abc 　—“”《》𠀀①㍿'.split('')),
    fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  );

  it('of a slice equals normalising the slice, whatever its bounds', () => {
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 30 }), fc.integer({ min: -35, max: 35 }), fc.integer({ min: -35, max: 35 }), (s, a, b) => {
        const want = normalizeWithMap(s.slice(a, b));
        const n = normalizeSliceToBuffer(s, a, b);
        expect(String.fromCharCode(...n.codes.subarray(0, n.length))).toBe(want.text);
        expect(Array.from(n.where.subarray(0, n.length))).toEqual(want.map);
      }),
      { numRuns: 500 },
    );
  });

  it('of a whole string equals normalizeWithMap', () => {
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 60 }), (s) => {
        const want = normalizeWithMap(s);
        const n = normalizeToBuffer(s);
        expect(String.fromCharCode(...n.codes.subarray(0, n.length))).toBe(want.text);
        expect(Array.from(n.where.subarray(0, n.length))).toEqual(want.map);
      }),
      { numRuns: 300 },
    );
  });
});

describe('PairTable', () => {
  it('maps pairs to values like a Map, growing as it fills', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(70000), fc.nat(0xffff), fc.nat(1000)), { maxLength: 200 }), (entries) => {
        const t = new PairTable(2);
        const m = new Map<string, number>();
        for (const [a, b, v] of entries) {
          t.set(a, b, v);
          m.set(`${a},${b}`, v);
        }
        expect(t.size).toBe(m.size);
        for (const [a, b] of entries) expect(t.get(a, b)).toBe(m.get(`${a},${b}`));
        expect(t.get(70001, 1)).toBe(-1);
      }),
    );
  });
});

describe('sortSmall', () => {
  it('sorts like Array.prototype.sort (stable)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.nat()), { maxLength: 40 }), (xs) => {
        const cmp = (a: [number, number], b: [number, number]) => a[0] - b[0];
        expect(sortSmall([...xs], cmp)).toEqual([...xs].sort(cmp));
      }),
    );
  });
});
