import { describe, expect, it } from 'vitest';
import { buildAnalysisReport } from '../../src/analyze/build-analysis-report.js';
import { analysisReportJsonFromParts, analysisReportJsonPieces, digestReportPlan, reportPlanJson } from '../../src/analyze/report-json.js';
import { loadPlanFromText } from '../../src/load/load-plan.js';
import { seedFiles } from '../seeds.js';

const report = buildAnalysisReport([...seedFiles().map((s) => loadPlanFromText(s.text, `seeds/${s.file}`)), loadPlanFromText('', 'empty.txt')]);
const join = (pieces: Iterable<string | Uint8Array>) => [...pieces].map((p) => (typeof p === 'string' ? p : new TextDecoder().decode(p))).join('');

describe('the analysis report as JSON', () => {
  it('parses back to the report, with each plan on one line', () => {
    const json = join(analysisReportJsonPieces(report));
    expect(JSON.parse(json)).toEqual(report);
    const lines = json.split('\n');
    for (const p of report.plans) expect(lines).toContain(`    ${JSON.stringify(p)}${p === report.plans.at(-1) ? '' : ','}`);
    expect(lines.length).toBeLessThan(report.plans.length + 40);
  });

  it('gives the same bytes from entries rendered elsewhere (strings or UTF-8) and their digests', () => {
    const whole = join(analysisReportJsonPieces(report));
    const digests = report.plans.map(digestReportPlan);
    expect(join(analysisReportJsonFromParts(report.plans.map(reportPlanJson), digests))).toBe(whole);
    const bytes = report.plans.map((p) => new TextEncoder().encode(reportPlanJson(p)));
    expect(join(analysisReportJsonFromParts(bytes, digests))).toBe(whole);
    expect(digests.at(-1)).toEqual({ template: null, errors: 1, warnings: 0 });
    expect(JSON.parse(whole).summary).toEqual({ plans: 6, read: 5, errors: report.summary.errors, warnings: report.summary.warnings });
  });

  it('writes an empty batch as an empty list', () => {
    expect(JSON.parse(join(analysisReportJsonFromParts([], [])))).toMatchObject({ plans: [], template: null, summary: { plans: 0 } });
  });
});
