import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignPlan } from '../../src/align/align-plan.js';
import { PlanAlignmentSchema, type SectionAlignment } from '../../src/align/schema.js';
import { computeCoverage } from '../../src/analyze/compute-coverage.js';
import { findGaps } from '../../src/analyze/find-gaps.js';
import type { Plan } from '../../src/model/plan.js';
import { NATIONAL_2021 } from '../../src/template/national-2021.js';
import { makePlan, type SectionSpec } from './make-plan.js';

const T = NATIONAL_2021;
const tops = T.items.filter((i) => i.parent === null && i.kind !== 'org');
const headings = (id: string) => {
  const it = T.items.find((i) => i.id === id)!;
  return [it.title, ...it.aliases];
};
const cjk = fc.string({ unit: fc.integer({ min: 0x4e00, max: 0x4fff }).map((c) => String.fromCharCode(c)), minLength: 0, maxLength: 12 });
const anyText = fc.string({ maxLength: 40 });

const measureArb = (topId: string) =>
  fc.oneof(
    fc.record({
      title: fc.constantFrom(...T.items.filter((i) => i.parent === topId).flatMap((i) => headings(i.id))),
      body: fc.oneof(cjk, fc.constantFrom(...T.items.filter((i) => i.parent === topId).map((i) => i.keywords.join('，')))),
    }),
    fc.record({ title: cjk, body: anyText }),
  );

const sectionArb: fc.Arbitrary<SectionSpec> = fc.oneof(
  fc.constantFrom(...tops).chain((top) =>
    fc.record({
      title: fc.tuple(fc.constantFrom(...headings(top.id)), fc.constantFrom('', '实施', '深入实施')).map(([h, p]) => p + h),
      kind: fc.constant(top.kind as 'action' | 'project'),
      intro: fc.oneof(fc.constant(''), cjk),
      measures: fc.array(measureArb(top.id), { maxLength: 5 }),
    }),
  ),
  fc.record({
    title: fc.oneof(cjk, anyText),
    kind: fc.constantFrom('action' as const, 'project' as const, 'other' as const),
    intro: anyText,
    measures: fc.array(fc.record({ title: fc.oneof(cjk, anyText), body: anyText }), { maxLength: 4 }),
  }),
);

const planArb = fc.array(sectionArb, { maxLength: 12 }).map((specs) => makePlan(specs));

/** The alignment of each section keyed by where its heading starts, so plans in different orders compare. */
function bySpan(plan: Plan, sections: SectionAlignment[]) {
  return new Map(sections.map((s) => [plan.sections[s.index]!.titleSpan.start, { ...s, index: 0 }]));
}

describe('alignPlan properties', () => {
  it('valid, deterministic, one-to-one, confidences in 0..1', () => {
    fc.assert(
      fc.property(planArb, ({ plan, text }) => {
        const a = alignPlan(plan, T, { text });
        expect(PlanAlignmentSchema.safeParse(a).success).toBe(true);
        expect(alignPlan(plan, T, { text })).toEqual(a);
        const ids = a.sections.map((s) => s.templateId).filter((x) => x !== null);
        expect(new Set(ids).size).toBe(ids.length);
        for (const s of a.sections) {
          expect(s.templateId === null).toBe(s.relation === 'none');
          for (const m of s.measures) expect(m.templateId === null).toBe(m.relation === 'none');
        }
      }),
      { numRuns: 150 },
    );
  });

  it('independent of the order of sections', () => {
    fc.assert(
      fc.property(
        planArb.chain((p) => fc.tuple(fc.constant(p), fc.shuffledSubarray(p.plan.sections.map((_, i) => i), { minLength: p.plan.sections.length, maxLength: p.plan.sections.length }))),
        ([{ plan, text }, order]) => {
          const shuffled: Plan = { ...plan, sections: order.map((i) => plan.sections[i]!) };
          const a = alignPlan(plan, T, { text });
          const b = alignPlan(shuffled, T, { text });
          expect(bySpan(shuffled, b.sections)).toEqual(bySpan(plan, a.sections));
          const cov = (p: Plan, x: typeof a) => computeCoverage(p, x, T).items.map((i) => [i.id, i.status]);
          expect(cov(shuffled, b)).toEqual(cov(plan, a));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ title: anyText, intro: anyText, measures: fc.array(fc.record({ title: anyText, body: anyText }), { maxLength: 3 }) }), { maxLength: 6 }), (specs) => {
        const { plan, text } = makePlan(specs);
        expect(() => alignPlan(plan, T, { text })).not.toThrow();
      }),
      { numRuns: 100 },
    );
  });
});

describe('coverage and gaps properties', () => {
  it('coverage ratios in [0,1]; covered + partial + none = all template items; missing ⊆ none', () => {
    fc.assert(
      fc.property(planArb, fc.boolean(), ({ plan }, truncated) => {
        const p = { ...plan, truncated };
        const a = alignPlan(p, T);
        const c = computeCoverage(p, a, T);
        expect(c.items.map((i) => i.id)).toEqual(T.items.map((i) => i.id));
        for (const k of [c.sections, c.subItems, c.org]) {
          expect(k.ratio).toBeGreaterThanOrEqual(0);
          expect(k.ratio).toBeLessThanOrEqual(1);
          expect(k.covered + k.partial + k.none).toBe(k.total);
        }
        expect(c.sections.total + c.subItems.total + c.org.total).toBe(T.items.length);
        const g = findGaps(p, a, T, c);
        const none = new Set(c.items.filter((i) => i.status === 'none').map((i) => i.id));
        for (const id of g.missing) expect(none.has(id)).toBe(true);
        for (const id of g.possiblyTruncated) expect(g.missing).toContain(id);
        if (!truncated) expect(g.possiblyTruncated).toEqual([]);
        const extras = a.sections.filter((s) => s.templateId === null).length + a.sections.flatMap((s) => s.measures).filter((m) => m.templateId === null).length;
        expect(g.extras).toHaveLength(extras);
      }),
      { numRuns: 150 },
    );
  });
});
