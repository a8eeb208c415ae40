import { describe, expect, it } from 'vitest';
import { alignPlan } from '../../src/align/align-plan.js';
import { templateFromPlan } from '../../src/analyze/template-from-plan.js';
import { loadPlanFromText } from '../../src/load/load-plan.js';
import { NATIONAL_2021 } from '../../src/template/national-2021.js';
import { seedFiles } from '../seeds.js';

const results = seedFiles().map((s) => loadPlanFromText(s.text, `seeds/${s.file}`));

describe('alignPlan without evidence', () => {
  it('makes the same decisions, with every evidence list empty', () => {
    const parent = templateFromPlan(results[0]!.plan!);
    for (const r of results) {
      for (const template of [NATIONAL_2021, parent]) {
        const full = alignPlan(r.plan!, template, { text: r.text! });
        const lean = alignPlan(r.plan!, template, { text: r.text!, evidence: false });
        const strip = (a: typeof full) => ({ ...a, sections: a.sections.map((s) => ({ ...s, evidence: [], measures: s.measures.map((m) => ({ ...m, evidence: [] })) })) });
        expect(lean).toEqual(strip(full));
        expect(full.sections.some((s) => s.evidence.length > 0)).toBe(true);
      }
    }
  });
});
