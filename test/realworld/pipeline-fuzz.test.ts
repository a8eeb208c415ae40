import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { comparePlans } from '../../src/compare/compare-plans.js';
import { loadPlan } from '../../src/load/load-plan.js';
import { buildAnalysisReport } from '../../src/analyze/build-analysis-report.js';
import { AnalysisReportSchema } from '../../src/analyze/analysis-report.js';
import { seed } from '../seeds.js';

// A few hundred cases in CI; `npm run fuzz` runs many more (FUZZ_RUNS).
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 150);

/** Text made of plan pieces, random characters and slices of a real seed, glued at random. */
const planish = fc
  .array(
    fc.oneof(
      fc.constantFrom('一、', '(一)', '（二）', '1.', '2、', '——', '实施', '提升行动', '工程', '。', '\n', '到2025年,', '公民具备科学素质的比例', '达到', '超过', '15%', '左右', '以上', '(责任单位:市科协)', '万人次', '〔2021〕9号', '《', '》', '附件:', '序号', '牵头单位'),
      fc.string({ maxLength: 8 }),
      fc.nat(seed(0).text.length - 200).map((at) => seed(0).text.slice(at, at + 120)),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

describe('the whole pipeline on arbitrary input', () => {
  it('never throws: bytes in any encoding → load → analyse → compare, and the report validates', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          planish.map((s) => ({ name: 'x.txt', bytes: new TextEncoder().encode(s) })),
          fc.uint8Array({ maxLength: 600 }).map((b) => ({ name: 'x.bin', bytes: b })),
          planish.map((s) => ({ name: 'x.html', bytes: new TextEncoder().encode(`<html><body><p>${s}</p></body></html>`) })),
          fc.string({ maxLength: 200 }).map((s) => ({ name: 'x.json', bytes: new TextEncoder().encode(s) })),
        ),
        async ({ name, bytes }) => {
          const r = await loadPlan(bytes, name);
          const report = buildAnalysisReport([r, r]);
          expect(AnalysisReportSchema.safeParse(report).success).toBe(true);
          const c = comparePlans(report, [r.plan, r.plan], { texts: [r.text, r.text] });
          expect(c.plans).toBe(2);
          if (r.text !== null) {
            for (const s of report.plans[0]!.sections) expect(s.span.end).toBeLessThanOrEqual(r.text.length);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});
