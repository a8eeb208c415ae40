import { it } from 'vitest';
import { alignPlan } from '../../src/align/align-plan.js';
import { NATIONAL_2021 } from '../../src/template/national-2021.js';
import { fixturePlan, loadGold } from './fixtures.js';
import { scoreAgainstGold } from './gold-score.js';
import type { Plan } from '../../src/model/plan.js';
function run(name: string, f: (p: Plan) => Plan) {
  let s = [0, 0], m = [0, 0]; const misses: string[] = [];
  for (const g of loadGold()) {
    const p = f(fixturePlan(g));
    const a0 = alignPlan(p, NATIONAL_2021);
    const orig = fixturePlan(g);
    const a = { ...a0, sections: a0.sections.map((x, i) => ({ ...x, title: orig.sections[i]!.title, measures: x.measures.map((y, j) => ({ ...y, title: orig.sections[i]!.measures[j]!.title })) })) };
    const r = scoreAgainstGold(g, a);
    s = [s[0]! + r.sections[0], s[1]! + r.sections[1]]; m = [m[0]! + r.measures[0], m[1]! + r.measures[1]];
    misses.push(...r.misses);
  }
  console.log(name, s, m, (m[0]! / m[1]!).toFixed(3), misses.slice(0, 12).join('\n'));
}
it('exp', () => {
  run('no bodies', (p) => ({ ...p, sections: p.sections.map((s) => ({ ...s, intro: '', measures: s.measures.map((m) => ({ ...m, body: '' })) })) }));
  run('generic section titles', (p) => ({ ...p, sections: p.sections.map((s, i) => ({ ...s, title: `第${i + 1}项${s.kind === 'action' ? '行动' : '工程'}` })) }));
  run('generic measure titles', (p) => ({ ...p, sections: p.sections.map((s) => ({ ...s, measures: s.measures.map((m, j) => ({ ...m, title: `措施${j + 1}` })) })) }));
  run('kinds all other', (p) => ({ ...p, sections: p.sections.map((s) => ({ ...s, kind: 'other' as const })) }));
});
