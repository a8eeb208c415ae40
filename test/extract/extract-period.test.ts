import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/model/index.js';
import fc from 'fast-check';
import { citedAt, citedAtFrom, extractPeriod } from '../../src/extract/extract-period.js';
import { mapIdentity } from '../../src/text/mapped-text.js';
import { lineOf, loadGold, loadSeed } from './helpers.js';

const read = (text: string, titleEnd: number | null = null) => {
  const diagnostics: Diagnostic[] = [];
  const period = extractPeriod(mapIdentity(text), titleEnd === null ? null : { start: 0, end: titleEnd }, diagnostics);
  return { period, codes: diagnostics.map((d) => d.code) };
};

describe('extractPeriod on the seeds', () => {
  const gold = loadGold();
  it.each([
    ['000', '兰州市全民科学素质行动规划纲要实施方案', 'stated'],
    ['001', '砀山县全民科学素质行动规划纲要', 'stated'],
    ['002', '拉萨市全民科学素质行动计划纲要实施方案', 'implied'],
    ['003', '中山市人民政府关于印发', 'stated'],
    ['004', null, 'stated'],
  ] as const)('seed %s', (prefix, title, basis) => {
    const { file, original, mt } = loadSeed(prefix);
    const g = gold.find((p) => p.file === file)!;
    for (const t of [title ? lineOf(mt, title) : null, null]) {
      const diagnostics: Diagnostic[] = [];
      const period = extractPeriod(mt, t, diagnostics);
      expect(period).toMatchObject({ start: g.period[0], end: g.period[1], basis });
      const evidence = original.slice(period!.span!.start, period!.span!.end).replace(/\s/gu, '');
      expect(evidence).toContain(String(g.period[1]));
      expect(diagnostics.map((d) => d.code)).toEqual(basis === 'implied' ? ['plan/period-implied'] : []);
    }
  });
});

describe('extractPeriod on other texts', () => {
  it.each([
    ['XX县全民科学素质行动规划纲要实施方案(2022-2025年)', [2022, 2025]],
    ['XX县全民科学素质行动规划纲要实施方案（2021—2025年）', [2021, 2025]],
    ['XX县全民科学素质行动规划纲要实施方案(20222025年)', [2022, 2025]],
    ['XX县全民科学素质行动计划纲要实施方案(2016—2020年)', [2016, 2020]],
    ['XX县全民科学素质行动实施方案(2021年至2025年)', [2021, 2025]],
  ])('%s', (title, [start, end]) => {
    expect(read(title, title.length).period).toMatchObject({ start, end, basis: 'stated' });
  });

  it('reads the line after the title', () => {
    expect(read('XX县全民科学素质行动规划纲要\n实施方案(2021-2025年)\n', 14).period).toMatchObject({ start: 2021, end: 2025, basis: 'stated' });
  });

  it('does not take the national outline or a cited plan as the plan’s own', () => {
    const text = 'XX市全民科学素质行动实施方案\n根据《全民科学素质行动规划纲要(2021—2035年)》和《XX省实施方案(2021—2025年)》,到2025年,全市…';
    expect(read(text, 14)).toEqual({
      period: expect.objectContaining({ start: 2021, end: 2025, basis: 'implied', raw: '到2025年' }),
      codes: ['plan/period-implied'],
    });
  });

  it('implies from 十三五 when no deadline is written', () => {
    expect(read('“十三五”时期,全面推进全民科学素质工作。').period).toMatchObject({ start: 2016, end: 2020, basis: 'implied' });
  });

  it('prefers the plan-end year among deadlines', () => {
    expect(read('到2023年,建成…;到2025年,全市…;到2035年,…').period).toMatchObject({ start: 2021, end: 2025 });
  });

  it('reports a text without any period', () => {
    expect(read('全民科学素质工作要点')).toEqual({ period: null, codes: ['plan/no-period'] });
  });
});

describe('whether a year range is cited, carried forward', () => {
  it('answers as reading back to the sentence start does, for positions in order and out of order', () => {
    const piece = fc.constantFrom('根据', '依据', '落实', '深入实施', '关于印发', '《', '》', '(2021-2025年)', ',', '，', '。', ';', '\n', '本县', '方案', '科普', '发', '印');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 12 }), fc.boolean(), (parts, picks, sorted) => {
        const text = parts.join('');
        const floor = Math.min(text.length, 3);
        const at = picks.map((p) => floor + (p % (text.length - floor + 1)));
        if (sorted) at.sort((a, b) => a - b);
        const cited = citedAtFrom(text, floor, text.length);
        for (const a of at) expect(cited(a)).toBe(citedAt(text, floor, a));
      }),
      { numRuns: 3000 },
    );
  });
});
