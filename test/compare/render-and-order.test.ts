import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderComparisonText } from '../../src/compare/render-compare-text.js';
import { displayWidth } from '../../src/text/display-width.js';
import { compareBatch, permute, seedBatch } from './helpers.js';

const seeds = seedBatch();
const c = compareBatch(seeds);
const text = renderComparisonText(c);
const lines = text.split('\n');

/** The display column where `needle` starts in `line`. */
function column(line: string, needle: string): number {
  const i = line.indexOf(needle);
  return i < 0 ? -1 : displayWidth(line.slice(0, i));
}

describe('renderComparisonText', () => {
  it('prints the target table in rank order with deltas and verdicts', () => {
    const rows = lines.filter((l) => /^\s+\d\s+\S+市|^\s+\d\s+\S+[县区]/u.test(l));
    expect(rows.map((l) => l.trim().split(/\s+/u)[1])).toEqual(['上虞区', '中山市', '兰州市', '砀山县', '拉萨市']);
    expect(rows[0]).toMatch(/≥18\.5%\s+2025\s+\+3\.5\s+exceeds/u);
    expect(rows[2]).toMatch(/≥15%\s+2025\s+0\s+at-threshold/u);
    expect(rows[4]).toMatch(/≈10%\s+2025\s+-5\s+falls-short/u);
    expect(text).toContain('Statistics (2025, n = 5): mean 14.5  median 15');
  });

  it('aligns the matrix by display width, Chinese names included', () => {
    const start = lines.findIndex((l) => l.startsWith('Coverage matrix'));
    const header = lines[start + 1]!;
    const block = lines.slice(start + 3, start + 3 + 6);
    expect(block.map((l) => l.trim().split(/\s+/u)[0])).toEqual(['兰州市', '砀山县', '拉萨市', '中山市', '上虞区', 'Adoption']);
    const col = column(header, 'exchange') + 'exchange'.length - 1;
    // Every row's exchange cell ends in the same display column as the header.
    for (const l of block) {
      let acc = '';
      for (const ch of l) {
        if (displayWidth(acc) >= col) break;
        acc += ch;
      }
      expect(displayWidth(acc)).toBe(col);
      expect(l.slice(acc.length, acc.length + 1)).toMatch(/[Y~\-?0-9]/u);
    }
    expect(block[0]).toMatch(/-\s+科普覆盖扩面工程$/u);
  });

  it('lists indicators shared by plans, parent chains and the outliers', () => {
    expect(text).toMatch(/科技小院\s+个\s+兰州市 4; 砀山县 1/u);
    expect(text).toContain('砀山县 → 宿州市 宿政办秘〔2022〕25号 → 安徽省 皖政办秘〔2021〕121号 → 全国 国发〔2021〕9号');
    expect(text).toMatch(/Outliers\n/u);
    expect(text).toMatch(/coverage 兰州市: no 科学素质国际交流合作工程 \(exchange\)/u);
    expect(text).toMatch(/local\s+拉萨市: 实施寺庙僧尼科学素质提升行动/u);
  });

  it('prints a requested diff side by side', () => {
    const d = renderComparisonText(compareBatch(seeds, { diff: { a: { source: 'seeds/001_a778eabecd33c60a.txt', section: 'officials' } } }));
    expect(d).toMatch(/Diff \(similarity [\d.]+\): 砀山县 领导干部和公务员科学素质提升行动 {2}⇄ {2}中山市 实施领导干部和公务员科学素质提升行动/u);
    const body = d.slice(d.indexOf('Diff ('));
    expect(body).toMatch(/进一步强化领导干部和公务员对科教兴国\s+进一步强化领导干部和公务员对科教兴国/u);
  });
});

describe('order independence (property)', () => {
  const base = JSON.stringify(c);
  it('gives the same report for every order of the files', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([0, 1, 2, 3, 4], { minLength: 5, maxLength: 5 }), (order) => {
        expect(JSON.stringify(compareBatch(permute(seeds, order)))).toBe(base);
      }),
      { numRuns: 12, seed: 20240607 },
    );
  });
});
