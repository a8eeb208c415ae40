import { describe, expect, it } from 'vitest';
import { compareBaseline } from '../../src/analyze/compare-baseline.js';
import { compareTarget } from '../../src/analyze/compare-target.js';
import { TargetComparisonSchema } from '../../src/analyze/schema.js';
import { EARLIER_2016 } from '../../src/template/earlier-2016.js';
import { NATIONAL_2021 } from '../../src/template/national-2021.js';
import { makePlan, target } from './make-plan.js';

describe('compareTarget against 超过15% (2025) and 达到25% (2035)', () => {
  it('at-threshold: 达到15% (≥15) does not promise 超过15% (>15)', () => {
    const r = compareTarget(target(15, '>=', 2025), NATIONAL_2021);
    expect(r).toMatchObject({ verdict: 'at-threshold', delta: 0, deltaBound: 'at-least' });
    expect(TargetComparisonSchema.safeParse(r).success).toBe(true);
  });

  it('meets: 超过15% against 超过15%, 达到25% against 达到25%', () => {
    expect(compareTarget(target(15, '>', 2025), NATIONAL_2021).verdict).toBe('meets');
    expect(compareTarget(target(25, '>=', 2035), NATIONAL_2021).verdict).toBe('meets');
  });

  it('falls-short: 10%左右 falls short by about 5', () => {
    const r = compareTarget(target(10, '~', 2025), NATIONAL_2021);
    expect(r).toMatchObject({ verdict: 'falls-short', delta: -5, deltaBound: 'about', approximate: true });
    expect(r.summary).toContain('about 5');
  });

  it('falls-short: 达到13%', () => {
    expect(compareTarget(target(13, '>=', 2025), NATIONAL_2021)).toMatchObject({ verdict: 'falls-short', delta: -2 });
  });

  it('exceeds: 18.5%以上 exceeds by at least 3.5', () => {
    const r = compareTarget(target(18.5, '>=', 2025), NATIONAL_2021);
    expect(r).toMatchObject({ verdict: 'exceeds', delta: 3.5, deltaBound: 'at-least', aspirational: false });
    expect(r.summary).toContain('at least 3.5');
  });

  it('exceeds, flagged aspirational: 力争达到16%', () => {
    const r = compareTarget(target(16, '>=', 2025, { aspirational: true, qualifiers: ['力争', '达到'] }), NATIONAL_2021);
    expect(r).toMatchObject({ verdict: 'exceeds', delta: 1, aspirational: true });
    // One point, not "1 points"; more than one, points.
    expect(r.summary).toContain('by at least 1 point (');
    expect(compareTarget(target(14, '>=', 2025), NATIONAL_2021).summary).toContain('by 1 point (promises');
    expect(compareTarget(target(13, '>=', 2025), NATIONAL_2021).summary).toContain('by 2 points (promises');
    expect(r.summary).toContain('力争');
  });

  it('at-threshold: 15%左右 against 超过15%', () => {
    expect(compareTarget(target(15, '~', 2025), NATIONAL_2021).verdict).toBe('at-threshold');
  });

  it('unknown with a year-mismatch diagnostic: a 2020 target against the 2025 template target', () => {
    const r = compareTarget(target(10, '>=', 2020), NATIONAL_2021);
    expect(r).toMatchObject({ verdict: 'unknown', delta: null, templateTarget: null });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['analyze/year-mismatch']);
  });

  it('unknown: no year, or not a percentage', () => {
    expect(compareTarget(target(15, '>=', null), NATIONAL_2021).diagnostics[0]?.code).toBe('analyze/year-mismatch');
    expect(compareTarget(target(15, '>=', 2025, { unit: '人' }), NATIONAL_2021).verdict).toBe('unknown');
  });

  it('uses the earlier template’s 2020 target for a 2016–2020 plan', () => {
    expect(compareTarget(target(10, '>=', 2020), EARLIER_2016)).toMatchObject({ verdict: 'meets', delta: 0 });
    expect(compareTarget(target(12, '>', 2020), EARLIER_2016)).toMatchObject({ verdict: 'exceeds', delta: 2, deltaBound: 'more-than' });
  });
});

describe('compareBaseline', () => {
  it('compares 十三五末 10.8% with the 2020 baseline 10.56% and the planned rises', () => {
    const headline = target(16, '>=', 2025, { aspirational: true });
    const { plan } = makePlan([], { targets: [headline, target(10.8, '=', 2020, { role: 'baseline' })] });
    const r = compareBaseline(plan, NATIONAL_2021, headline)!;
    expect(r).toMatchObject({ delta: 0.24, plannedRise: 5.2, templateRise: 4.44 });
  });

  it('is null without a baseline', () => {
    const { plan } = makePlan([]);
    expect(compareBaseline(plan, NATIONAL_2021, null)).toBeNull();
  });
});
