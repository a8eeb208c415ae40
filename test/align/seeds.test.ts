import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toTraditional } from '../realworld/variants.js';
import { describe, expect, it } from 'vitest';
import { alignPlan } from '../../src/align/align-plan.js';
import type { PlanAlignment } from '../../src/align/schema.js';
import { normalizeForMatch } from '../../src/align/internal/normalize.js';
import type { Plan } from '../../src/model/plan.js';
import { NATIONAL_2021 } from '../../src/template/national-2021.js';
import { fixturePlan, hasGold, loadGold, readSeed, type GoldPlan } from './fixtures.js';
import { scoreAgainstGold } from './gold-score.js';

function total(runs: { g: GoldPlan; a: PlanAlignment }[]) {
  let s = [0, 0];
  let m = [0, 0];
  const misses: string[] = [];
  for (const { g, a } of runs) {
    const r = scoreAgainstGold(g, a);
    s = [s[0]! + r.sections[0], s[1]! + r.sections[1]];
    m = [m[0]! + r.measures[0], m[1]! + r.measures[1]];
    misses.push(...r.misses);
  }
  return { s, m, misses };
}

describe.runIf(hasGold())('seed plans against the gold mapping (fixture plans built from the gold headings)', () => {
  it('maps all 51 sections right and ≥ 92% of measures to an acceptable item', () => {
    const { s, m, misses } = total(loadGold().map((g) => ({ g, a: alignPlan(fixturePlan(g), NATIONAL_2021, { text: readSeed(g.file) }) })));
    console.log(`fixture: sections ${s[0]}/${s[1]} · measures ${m[0]}/${m[1]} (${((100 * m[0]!) / m[1]!).toFixed(1)}%)\n${misses.join('\n')}`);
    expect(s[0]).toBe(51);
    expect(s[1]).toBe(51);
    expect(m[0]! / m[1]!).toBeGreaterThanOrEqual(0.92);
  });

  it('does as well on the seeds converted to traditional script (OpenCC cn → tw, made at test time)', () => {
    const runs = loadGold().map((g) => {
      const text = toTraditional(readSeed(g.file));
      const a = alignPlan(fixturePlan(g, text, toTraditional), NATIONAL_2021, { text });
      // score by position: the headings are in traditional script now
      const plain = fixturePlan(g);
      const renamed: PlanAlignment = {
        ...a,
        sections: a.sections.map((s, i) => ({
          ...s,
          title: plain.sections[i]!.title,
          measures: s.measures.map((x, j) => ({ ...x, title: plain.sections[i]!.measures[j]!.title })),
        })),
      };
      return { g, a: renamed };
    });
    const { s, m, misses } = total(runs);
    console.log(`traditional: sections ${s[0]}/${s[1]} · measures ${m[0]}/${m[1]}\n${misses.join('\n')}`);
    expect(s[0]).toBe(51);
    expect(m[0]! / m[1]!).toBeGreaterThanOrEqual(0.92);
  });

  it('evidence spans point at their phrase in the seed text', () => {
    for (const g of loadGold()) {
      const text = readSeed(g.file);
      const a = alignPlan(fixturePlan(g), NATIONAL_2021, { text });
      const ev = a.sections.flatMap((s) => [...s.evidence, ...s.measures.flatMap((x) => x.evidence)]).filter((e) => e.span);
      expect(ev.length).toBeGreaterThan(50);
      // normalising the slice (punctuation, page markers' digits dropped) gives the phrase back
      for (const e of ev) expect(normalizeForMatch(text.slice(e.span!.start, e.span!.end)).replace(/\d+/gu, '')).toBe(e.phrase.replace(/\d+/gu, ''));
    }
  });
});

/** Aligns altered fixture plans and scores them by position against the gold (headings may be altered). */
function ablation(alter: (p: Plan) => Plan) {
  return total(
    loadGold().map((g) => {
      const orig = fixturePlan(g);
      const a = alignPlan(alter(fixturePlan(g)), NATIONAL_2021);
      const named: PlanAlignment = {
        ...a,
        sections: a.sections.map((x, i) => ({
          ...x,
          title: orig.sections[i]!.title,
          measures: x.measures.map((y, j) => ({ ...y, title: orig.sections[i]!.measures[j]!.title })),
        })),
      };
      return { g, a: named };
    }),
  );
}

describe.runIf(hasGold())('robustness on the seeds: alignment uses more than headings', () => {
  it('with section headings replaced by 第N项行动/工程, sections are still placed by their content', () => {
    const r = ablation((p) => ({ ...p, sections: p.sections.map((s, i) => ({ ...s, title: `第${i + 1}项${s.kind === 'action' ? '行动' : '工程'}` })) }));
    expect(r.s[0]).toBe(51);
    expect(r.m[0]! / r.m[1]!).toBeGreaterThanOrEqual(0.95);
  });

  it('with measure headings replaced by 措施N, measures are placed by their bodies', () => {
    const r = ablation((p) => ({ ...p, sections: p.sections.map((s) => ({ ...s, measures: s.measures.map((m, j) => ({ ...m, title: `措施${j + 1}` })) })) }));
    expect(r.s[0]).toBe(51);
    expect(r.m[0]! / r.m[1]!).toBeGreaterThanOrEqual(0.92);
  });

  it('with no bodies at all, headings alone still do well', () => {
    const r = ablation((p) => ({ ...p, sections: p.sections.map((s) => ({ ...s, intro: '', measures: s.measures.map((m) => ({ ...m, body: '' })) })) }));
    expect(r.s[0]).toBe(51);
    expect(r.m[0]! / r.m[1]!).toBeGreaterThanOrEqual(0.9);
  });

  it('with every section of kind other, kinds are read from the headings', () => {
    const r = ablation((p) => ({ ...p, sections: p.sections.map((s) => ({ ...s, kind: 'other' as const })) }));
    expect(r.s[0]).toBe(51);
  });
});
