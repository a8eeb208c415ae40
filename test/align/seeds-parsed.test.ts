import { describe, expect, it } from 'vitest';
import { alignPlan } from '../../src/align/align-plan.js';
import { NATIONAL_2021 } from '../../src/template/national-2021.js';
import { hasGold, loadGold, readSeed } from './fixtures.js';
import { scoreAgainstGold } from './gold-score.js';

import { parsePlan } from '../../src/parse/parse-plan.js';

describe.runIf(hasGold())('seed plans against the gold mapping (real parser)', () => {
  it('maps every section right and ≥ 92% of measures to an acceptable item', () => {
    let s = [0, 0];
    let m = [0, 0];
    const misses: string[] = [];
    for (const g of loadGold()) {
      const text = readSeed(g.file);
      const plan = parsePlan(text, { source: `seeds/${g.file}` });
      const a = alignPlan(plan, NATIONAL_2021, { text });
      const r = scoreAgainstGold(g, a);
      s = [s[0]! + r.sections[0], s[1]! + r.sections[1]];
      m = [m[0]! + r.measures[0], m[1]! + r.measures[1]];
      misses.push(...r.misses);
    }
    console.log(`parsed: sections ${s[0]}/${s[1]} · measures ${m[0]}/${m[1]} (${((100 * m[0]!) / m[1]!).toFixed(1)}%)\n` + misses.join('\n'));
    expect(s[0]).toBe(s[1]);
    expect(m[0]! / m[1]!).toBeGreaterThanOrEqual(0.92);
  });
});
