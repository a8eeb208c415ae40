import { describe, expect, it } from 'vitest';
import { alignPlan, analyzePlan, buildAnalysisReport, comparePlans, loadPlan, loadPlanFromBytes, loadPlanFromJson, loadPlanFromText, LoadOptionsSchema, loadTemplate, NATIONAL_2021, normalizeText, parsePlan, readHtml, renderComparisonText, renderHtml, renderMarkdown } from '../../src/index.js';
import { loadPlanFile, loadPlanFiles } from '../../src/node.js';
import { seedFiles } from '../seeds.js';

describe('API misuse is a TypeError that names the function and the problem', () => {
  const s = seedFiles()[0]!;
  const results = [loadPlanFromText(s.text, s.file)];
  const plan = results[0]!.plan!;
  const report = buildAnalysisReport(results);

  it('a template that is not one: an id, JSON text, an object without its aliases', () => {
    expect(() => analyzePlan(plan, 'national-2021' as never)).toThrow(/^analyzePlan: template is not a template: .*loadTemplate/u);
    expect(() => alignPlan(plan, JSON.stringify(NATIONAL_2021) as never)).toThrow(/^alignPlan: template is not a template/u);
    const noAliases = JSON.parse(JSON.stringify(NATIONAL_2021)) as { items: { aliases?: string[] }[] };
    delete noAliases.items[3]!.aliases;
    expect(() => analyzePlan(plan, noAliases as never)).toThrow(/^analyzePlan: template is not a template \(items\.3\.aliases\)/u);
    expect(() => buildAnalysisReport(results, { template: 'national-2021' as never })).toThrow(/^buildReportPlan: options\.template: expected a template/u);
    expect(() => comparePlans(report, [plan], { templates: [{} as never] })).toThrow(/^comparePlans: options\.templates\.0: expected a template/u);
  });

  it('options of the wrong type or misspelt', () => {
    expect(() => comparePlans(report, [plan], { parentComparisons: 'no' as never })).toThrow(/^comparePlans: options\.parentComparisons: /u);
    expect(() => renderHtml(report, null, { title: 42 as never })).toThrow(/^renderHtml: options\.title: /u);
    expect(() => renderHtml(report, null, { maxEvidence: Number.NaN })).toThrow(/^renderHtml: options\.maxEvidence: /u);
    expect(() => renderMarkdown(report, null, { maxEvidence: -1 })).toThrow(/^renderMarkdown: options\.maxEvidence: /u);
    expect(() => parsePlan(s.text, { sourc: 'x.txt' } as never)).toThrow(/^parsePlan: options: .*sourc/u);
    expect(() => analyzePlan(plan, undefined, { evidance: false } as never)).toThrow(/^analyzePlan: options: .*evidance/u);
    expect(() => buildAnalysisReport([null as never])).toThrow(/^buildReportPlan: expected a LoadResult/u);
    expect(() => buildAnalysisReport('a.txt' as never)).toThrow(/^buildAnalysisReport: expected an array/u);
  });

  it('a loader names itself for a misspelt option, a blank text or a missing file included; it takes its source as an argument, not an option', async () => {
    const bytes = new TextEncoder().encode(s.text);
    expect(() => loadPlanFromText(s.text, 'a.txt', { pases: [] } as never)).toThrow(/^loadPlanFromText: options: .*pases/u);
    expect(() => loadPlanFromText('  ', 'a.txt', { pases: [] } as never)).toThrow(/^loadPlanFromText: options: .*pases/u);
    expect(() => loadPlanFromBytes(bytes, 'a.txt', { source: 'b.txt' } as never)).toThrow(/^loadPlanFromBytes: options: .*source/u);
    await expect(loadPlan(bytes, 'a.txt', { passes: 'none' } as never)).rejects.toThrow(/^loadPlan: options\.passes: /u);
    await expect(loadPlanFile('/nonexistent/plan.txt', { pases: [] } as never)).rejects.toThrow(/^loadPlanFile: options: .*pases/u);
    await expect(loadPlanFiles([], { pases: [] } as never)).rejects.toThrow(/^loadPlanFiles: options: .*pases/u);
    expect(loadPlanFromText(s.text, 'a.txt', { passes: [] }).plan?.source).toBe('a.txt');
    expect(LoadOptionsSchema.safeParse({ passes: [] }).success).toBe(true);
  });

  it('valid options and templates pass, a loaded copy of a template too', () => {
    const copy = JSON.parse(JSON.stringify(NATIONAL_2021)) as typeof NATIONAL_2021;
    const a = buildAnalysisReport(results, { template: copy, evidence: false });
    const b = buildAnalysisReport(results, { template: NATIONAL_2021, evidence: false });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(renderMarkdown(report, null, { title: 't', maxEvidence: 0 })).toContain('# t');
    expect(comparePlans(report, [plan], { texts: [results[0]!.text], parentComparisons: false }).plans).toBe(1);
  });
});

describe('small edges', () => {
  it('text given as something else is misuse', () => {
    expect(() => loadPlanFromJson(5 as never, 'x.json')).toThrow(/^loadPlanFromJson: json must be a string/u);
    expect(() => normalizeText(5 as never)).toThrow(/^normalizeText: /u);
    expect(() => readHtml(5 as never)).toThrow(/^readHtml: /u);
  });

  it('a template file wrong throughout gets its first 20 problems; an empty basis name is one', () => {
    const bad = { ...NATIONAL_2021, items: Array.from({ length: 5000 }, (_, i) => ({ id: `X${i}` })) };
    expect(loadTemplate(JSON.stringify(bad), 'bad.json').diagnostics).toHaveLength(20);
    const r = loadTemplate(JSON.stringify({ ...NATIONAL_2021, basis: [''] }), 'blank.json');
    expect(r.template).toBeNull();
    expect(r.diagnostics.map((d) => d.path?.join('.'))).toEqual(['basis.0']);
  });

  it('an empty batch says there are no plans, not that their templates differ', () => {
    const report = buildAnalysisReport([]);
    expect(renderMarkdown(report)).toContain('没有方案');
    expect(renderMarkdown(report)).not.toContain('模板不同');
    expect(renderHtml(report)).not.toContain('模板不同');
    expect(renderComparisonText(comparePlans(report, [])).split('\n')[0]).toBe('gangyao compare: 0 plans');
  });
});
