import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignMax, candidateColumns, candidateRows, hungarian } from '../../src/align/internal/assign.js';
import { normalizeWithMap, normalizeWithMapSlow, stripAgencyNotes } from '../../src/align/internal/normalize.js';
import { PhraseMatcher } from '../../src/align/internal/phrase-matcher.js';
import { headingGrams, templateProfile } from '../../src/align/internal/template-profile.js';
import { NATIONAL_2021 } from '../../src/template/national-2021.js';

describe('normalisation for matching', () => {
  it('fast path equals the per-character reference', () => {
    const mixed = fc.string({ unit: fc.oneof(fc.constantFrom(...'實施科學素質（一）、。ＡＢ１２abc 　—“”《》𠀀①'.split('')), fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c))) });
    fc.assert(fc.property(mixed, (s) => {
        expect(normalizeWithMap(s)).toEqual(normalizeWithMapSlow(s));
      }), { numRuns: 300 });
  });

  it('folds script and width, drops punctuation, maps back', () => {
    const r = normalizeWithMap('（一）實施ＡＢ科學，素質');
    expect(r.text).toBe('一实施ab科学素质');
    expect(r.map).toEqual([1, 3, 4, 5, 6, 7, 8, 10, 11]);
  });

  it('removes notes naming responsible units, nested ones too', () => {
    expect(stripAgencyNotes('开展活动。（县教育局、县自然资源和规划局（林业局）、县科协按职责分工负责）下一句')).toBe('开展活动。 下一句');
    expect(stripAgencyNotes('组织(责任单位:市教育局、市科协)')).toBe('组织 ');
    expect(stripAgencyNotes('建设中心(所、站)')).toBe('建设中心(所、站)');
  });
});

describe('PhraseMatcher', () => {
  it('finds every occurrence of every pattern, overlapping ones included', () => {
    const m = new PhraseMatcher(['科普', '科普基地', '基地', '地建']);
    const hits = m.findAll('加强科普基地建设').map((h) => `${m.patterns[h.pattern]}@${h.end}`);
    expect(hits.sort()).toEqual(['基地@6', '地建@7', '科普@4', '科普基地@6'].sort());
  });

  it('agrees with indexOf on random texts', () => {
    const pats = ['科学', '学精', '精神', '科学精神', '神贯', '全链条'];
    const m = new PhraseMatcher(pats);
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'科学精神贯全链条'.split('')), maxLength: 30 }), (t) => {
        const expected: string[] = [];
        pats.forEach((p, i) => {
          for (let k = t.indexOf(p); k >= 0; k = t.indexOf(p, k + 1)) expected.push(`${i}@${k + p.length}`);
        });
        expect(m.findAll(t).map((h) => `${h.pattern}@${h.end}`).sort()).toEqual(expected.sort());
      }),
    );
  });
});

describe('assignMax', () => {
  it('maximises the total, leaving a row unassigned when that is worth more', () => {
    expect(assignMax([[0.9, 0.8], [0.85, 0.1]], [0.2, 0.2])).toEqual([1, 0]);
    expect(assignMax([[0.9, 0.1], [0.85, 0.1]], [0.2, 0.2])).toEqual([0, -1]);
    expect(assignMax([[-Infinity]], [0.2])).toEqual([-1]);
    expect(assignMax([], [])).toEqual([]);
  });

  it('matches brute force on small random matrices', () => {
    const matrix = fc.integer({ min: 1, max: 4 }).chain((r) => fc.integer({ min: 1, max: 4 }).chain((c) => fc.array(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: c, maxLength: c }), { minLength: r, maxLength: r })));
    fc.assert(
      fc.property(matrix, (m) => {
        const nul = m.map(() => 0.2);
        const got = assignMax(m, nul);
        const value = (a: number[]) => a.reduce((s, c, r) => s + (c < 0 ? nul[r]! : m[r]![c]!), 0);
        expect(new Set(got.filter((c) => c >= 0)).size).toBe(got.filter((c) => c >= 0).length);
        expect(value(got)).toBeCloseTo(bruteForce(m, nul), 9);
      }),
    );
  });

  it('gives the one optimum, rows with a clear best (taken without the Hungarian method) or not', () => {
    // Rows of mostly low scores with one high one, some forbidden pairs, some rows better unassigned:
    // many matrices have a clear best per row, the others collide on a column.
    const cell = fc.oneof({ weight: 6, arbitrary: fc.double({ min: 0, max: 0.3, noNaN: true }) }, { weight: 2, arbitrary: fc.double({ min: 0.5, max: 1, noNaN: true }) }, { weight: 1, arbitrary: fc.constant(-Infinity) });
    const matrix = fc.integer({ min: 1, max: 5 }).chain((r) => fc.integer({ min: 1, max: 5 }).chain((c) => fc.array(fc.array(cell, { minLength: c, maxLength: c }), { minLength: r, maxLength: r })));
    let clear = 0;
    fc.assert(
      fc.property(matrix, (m) => {
        const nul = m.map(() => 0.2);
        const optima = bruteForceAll(m, nul);
        const rowBests = m.map((row) => row.reduce((b, x, j) => (x > (b < 0 ? 0.2 : row[b]!) ? j : b), -1));
        if (new Set(rowBests.filter((b) => b >= 0)).size === rowBests.filter((b) => b >= 0).length) clear++;
        // Where the optimum is one assignment (by a margin), that is the answer.
        if (optima.length === 1) expect(assignMax(m, nul)).toEqual(optima[0]);
      }),
      { numRuns: 500 },
    );
    expect(clear).toBeGreaterThan(50);
  });

  it('takes a clear best only where the Hungarian method gives the same, ties and near-ties included', () => {
    fc.assert(
      // (Where neither side has more than the other's square: beyond, only some rows or columns go to the method.)
      fc.property(tieMatrix([1, 6], [1, 6]).filter(([m]) => m.length <= m[0]!.length ** 2 && m[0]!.length <= m.length ** 2), ([m, nul]) => {
        expect(assignMax(m, nul)).toEqual(hungarian(m, nul));
      }),
      { numRuns: 2000 },
    );
  });

  it('on many more rows than columns, drops only rows no optimum assigns: the total the Hungarian method gets on all of them', () => {
    let pruned = 0;
    fc.assert(
      fc.property(tieMatrix([9, 24], [1, 3]).filter(([m]) => m.length > m[0]!.length ** 2), ([m, nul]) => {
        if (candidateRows(m, nul, m[0]!.length).length < m.length) pruned++;
        expectAnOptimum(m, nul);
      }),
      { numRuns: 2000 },
    );
    expect(pruned).toBeGreaterThan(500);
    // 20,000 rows (a plan read as 20,000 sections) over 3 columns: the best three rows of each column compete.
    const big = Array.from({ length: 20000 }, (_, i) => [((i * 7919) % 1000) / 1000, ((i * 104729) % 997) / 997, i === 5 ? 0.95 : 0.1]);
    const got = assignMax(big, big.map(() => 0.3));
    expect(got.filter((c) => c >= 0).length).toBe(3);
    expect(got[5]).toBe(2);
    // 16,000 rows alike (a plan of 16,000 sections with one title): every row ties for every column. At
    // most twice C of them per column go to the method (all of them made a matrix of 2 GB), the earliest.
    const same = Array.from({ length: 16000 }, () => [0.9, 0.8, 0.7, 0.6, 0.5, 0.45, 0.4, 0.35, 0.33, 0.31]);
    const kept = candidateRows(same, same.map(() => 0.3), 10);
    expect(kept).toEqual(Array.from({ length: 20 }, (_, i) => i));
    const alike = assignMax(same, same.map(() => 0.3));
    expect(alike.slice(0, 20).filter((c) => c >= 0).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(alike.slice(20).every((c) => c === -1)).toBe(true);
  });

  it('on many more columns than rows, uses only columns an optimum can: the total the Hungarian method gets on all of them', () => {
    let pruned = 0;
    fc.assert(
      fc.property(tieMatrix([1, 3], [9, 24]).filter(([m]) => m[0]!.length > m.length ** 2), ([m, nul]) => {
        if (candidateColumns(m, nul, m[0]!.length).length < m[0]!.length) pruned++;
        expectAnOptimum(m, nul);
      }),
      { numRuns: 2000 },
    );
    expect(pruned).toBeGreaterThan(500);
  });
});

/**
 * Matrices of few distinct values (ties), values a hair apart (around the 1e-9 margin), forbidden and
 * NaN pairs, and rows whose best is to stay unassigned, with their rows' null values.
 */
function tieMatrix([r0, r1]: [number, number], [c0, c1]: [number, number]): fc.Arbitrary<[number[][], number[]]> {
  const base = fc.constantFrom(0.1, 0.3, 0.5, 0.5, 0.9, -Infinity, Number.NaN);
  const cell = fc.tuple(base, fc.constantFrom(0, 0, 1e-12, 5e-10, 2e-9, 1e-6)).map(([v, d]) => v + d);
  return fc.integer({ min: r0, max: r1 }).chain((r) =>
    fc.tuple(
      fc.integer({ min: c0, max: c1 }).chain((c) => fc.array(fc.array(cell, { minLength: c, maxLength: c }), { minLength: r, maxLength: r })),
      fc.array(fc.constantFrom(0.2, 0.3, 0.5), { minLength: r, maxLength: r }),
    ),
  );
}

/** assignMax gives a valid assignment whose total is the Hungarian method's (of optima a hair apart, within its tolerance). */
function expectAnOptimum(m: number[][], nul: number[]): void {
  const got = assignMax(m, nul);
  const value = (a: number[]) => a.reduce((s, c, r) => s + (c < 0 ? nul[r]! : m[r]![c]!), 0);
  expect(got.every((c, r) => c < 0 || Number.isFinite(m[r]![c]!))).toBe(true);
  expect(new Set(got.filter((c) => c >= 0)).size).toBe(got.filter((c) => c >= 0).length);
  expect(Math.abs(value(got) - value(hungarian(m, nul)))).toBeLessThan(1e-8);
}

/** Every assignment within 1e-6 of the best total. */
function bruteForceAll(m: number[][], nul: number[]): number[][] {
  const C = m[0]!.length;
  const all: { total: number; cols: number[] }[] = [];
  const go = (r: number, used: Set<number>, cols: number[], total: number): void => {
    if (r === m.length) {
      all.push({ total, cols: [...cols] });
      return;
    }
    go(r + 1, used, [...cols, -1], total + nul[r]!);
    for (let c = 0; c < C; c++) {
      if (used.has(c) || m[r]![c] === -Infinity) continue;
      used.add(c);
      go(r + 1, used, [...cols, c], total + m[r]![c]!);
      used.delete(c);
    }
  };
  go(0, new Set(), [], 0);
  const best = Math.max(...all.map((a) => a.total));
  return all.filter((a) => a.total > best - 1e-6).map((a) => a.cols);
}

function bruteForce(m: number[][], nul: number[]): number {
  const C = m[0]!.length;
  const go = (r: number, used: Set<number>): number => {
    if (r === m.length) return 0;
    let best = nul[r]! + go(r + 1, used);
    for (let c = 0; c < C; c++) {
      if (used.has(c)) continue;
      used.add(c);
      best = Math.max(best, m[r]![c]! + go(r + 1, used));
      used.delete(c);
    }
    return best;
  };
  return go(0, new Set());
}

describe('templateProfile', () => {
  it('is built once per template object', () => {
    expect(templateProfile(NATIONAL_2021)).toBe(templateProfile(NATIONAL_2021));
    expect(templateProfile({ ...NATIONAL_2021 })).not.toBe(templateProfile(NATIONAL_2021));
  });
});

describe('headingGrams', () => {
  it('reads every distinct bigram of a heading of any length, the same on every call', () => {
    const tp = templateProfile(NATIONAL_2021);
    const read = (h: string) => {
      const n = headingGrams(tp, h);
      return { n, ids: tp.scratch.gramIds.slice(0, n), weights: tp.scratch.gramWeights.slice(0, n) };
    };
    // 300 characters: the work arrays grow on the way.
    const long = Array.from({ length: 300 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 600))).join('') + '科学素质';
    const pairs = new Set(Array.from({ length: long.length - 1 }, (_, i) => long.slice(i, i + 2)));
    const a = read(long);
    expect(a.n).toBe(pairs.size);
    expect(a.ids).toContain(-1);
    expect(a.ids.some((id) => id >= 0)).toBe(true);
    read('科学素质');
    expect(read(long)).toEqual(a);
  });
});
