import { describe, expect, it } from 'vitest';
import { alignPlan } from '../../src/align/align-plan.js';
import { analyzePlan } from '../../src/analyze/analyze-plan.js';
import { computeCoverage } from '../../src/analyze/compute-coverage.js';
import { findGaps } from '../../src/analyze/find-gaps.js';
import { PlanAnalysisSchema } from '../../src/analyze/schema.js';
import { NATIONAL_2021 } from '../../src/template/national-2021.js';
import { fixturePlan, hasGold, loadGold, readSeed } from './fixtures.js';
import { makePlan, target } from './make-plan.js';

const small = makePlan([
  {
    title: '老年人科学素质提升行动',
    measures: [
      { title: '实施智慧助老行动', body: '普及智能技术知识和技能。' },
      { title: '加强老年人健康科普服务', body: '普及合理膳食、食品安全、心理健康、体育锻炼、合理用药知识，开展健康大讲堂。' },
    ],
  },
  { title: '科普产业繁荣工程', measures: [{ title: '推动科普产业发展', body: '建设科普产业园。' }] },
]);

describe('computeCoverage', () => {
  const a = alignPlan(small.plan, NATIONAL_2021);
  const c = computeCoverage(small.plan, a, NATIONAL_2021);
  const status = (id: string) => c.items.find((i) => i.id === id)?.status;

  it('gives every template item a status, and counts with their denominator', () => {
    expect(c.items).toHaveLength(NATIONAL_2021.items.length);
    expect(c.sections).toMatchObject({ covered: 1, total: 10, ratio: 0.1 });
    expect(c.subItems.covered + c.subItems.partial + c.subItems.none).toBe(c.subItems.total);
  });

  it('full, partial and none', () => {
    expect(status('elderly')).toBe('full'); // 2 of 3 sub-items
    expect(status('elderly.digital')).toBe('full');
    expect(status('elderly.health')).toBe('full');
    expect(status('elderly.silver')).toBe('none');
    expect(status('youth')).toBe('none');
  });

  it('a sub-item without its own measure but named in its section’s text is partial', () => {
    const { plan } = makePlan([
      {
        title: '老年人科学素质提升行动',
        measures: [{ title: '实施智慧助老行动', body: '普及智能技术知识。组建老专家科普报告团，发挥老科技工作者作用，实施银龄科普行动。' }],
      },
    ]);
    const cov = computeCoverage(plan, alignPlan(plan, NATIONAL_2021), NATIONAL_2021);
    expect(cov.items.find((i) => i.id === 'elderly.silver')?.status).toBe('partial');
    expect(cov.items.find((i) => i.id === 'elderly')?.status).toBe('partial'); // 1 full of 3
  });
});

describe('findGaps', () => {
  it('lists missing top-level items, missing sub-items of present ones, and local extras', () => {
    const a = alignPlan(small.plan, NATIONAL_2021);
    const g = findGaps(small.plan, a, NATIONAL_2021);
    expect(g.missing).toContain('youth');
    expect(g.missing).not.toContain('youth.spirit'); // implied by youth
    expect(g.missing).toContain('elderly.silver');
    expect(g.missing.some((id) => id.startsWith('org'))).toBe(false);
    expect(g.extras.map((e) => [e.kind, e.title])).toEqual([
      ['section', '科普产业繁荣工程'],
      ['measure', '推动科普产业发展'],
    ]);
    expect(g.possiblyTruncated).toEqual([]);
    expect(g.diagnostics).toEqual([]);
  });

  it('cautions that items after the point where a truncated text stops may be cut off', () => {
    const { plan } = makePlan(
      [
        { title: '青少年科学素质提升行动', measures: [{ title: '提升基础教育阶段科学教育水平', body: '' }] },
        { title: '科技资源科普化工程', measures: [{ title: '建立完善科技资源科普化机制', body: '' }] },
      ],
      { truncated: true },
    );
    const g = findGaps(plan, alignPlan(plan, NATIONAL_2021), NATIONAL_2021);
    expect(g.possiblyTruncated).toEqual(expect.arrayContaining(['resources.special-action', 'digital', 'exchange']));
    expect(g.possiblyTruncated).not.toContain('farmers'); // before the cut, in template order
    expect(g.diagnostics.every((d) => d.code === 'analyze/possibly-truncated-gap')).toBe(true);
    expect(g.diagnostics).toHaveLength(g.possiblyTruncated.length);
  });
});

describe('analyzePlan', () => {
  it('brings alignment, coverage, gaps and the target together in a valid PlanAnalysis', () => {
    const { plan, text } = makePlan(
      [{ title: '老年人科学素质提升行动', measures: [{ title: '实施智慧助老行动', body: '' }] }],
      { targets: [target(15, '>=', 2025)] },
    );
    const r = analyzePlan(plan, undefined, { text });
    expect(PlanAnalysisSchema.safeParse(r).success).toBe(true);
    expect(r.template).toMatchObject({ id: 'national-2021', reason: 'period' });
    expect(r.target?.verdict).toBe('at-threshold');
    expect(r.missing).toContain('youth');
  });

  it('warns when the given template does not fit the plan', () => {
    const { plan } = makePlan([{ title: '青少年科学素质行动', measures: [] }], {
      period: { start: 2016, end: 2020, basis: 'stated', raw: '2016-2020' },
    });
    const r = analyzePlan(plan, NATIONAL_2021);
    expect(r.diagnostics.filter((d) => d.code === 'align/template-mismatch').length).toBeGreaterThan(0);
    expect(analyzePlan(plan).template.id).toBe('earlier-2016');
  });

  it.runIf(hasGold())('on the seeds: 兰州 lacks exchange, 拉萨 lacks emergency, 上虞’s exchange may be cut off', () => {
    const byFile = new Map(loadGold().map((g) => [g.file, analyzePlan(fixturePlan(g), NATIONAL_2021, { text: readSeed(g.file) })]));
    expect(byFile.get('000_4b23307378cbe49b.txt')!.missing).toContain('exchange');
    expect(byFile.get('002_3c722ad7abbba4b7.txt')!.missing).toContain('grassroots.emergency');
    const shangyu = byFile.get('004_55c845f41c91051a.txt')!;
    expect(shangyu.missing).toContain('exchange');
    expect(shangyu.possiblyTruncated).toContain('exchange');
    expect(shangyu.diagnostics.some((d) => d.code === 'analyze/possibly-truncated-gap')).toBe(true);
    expect(byFile.get('003_a2c2ef432eea6382.txt')!.extras.filter((e) => e.kind === 'section').map((e) => e.title)).toEqual(['实施科普产业繁荣工程']);
    for (const a of byFile.values()) expect(PlanAnalysisSchema.safeParse(a).success).toBe(true);
  });
});
