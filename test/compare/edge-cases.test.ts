import { describe, expect, it } from 'vitest';
import { comparePlans } from '../../src/compare/compare-plans.js';
import { renderComparisonText } from '../../src/compare/render-compare-text.js';
import { ComparisonReportSchema } from '../../src/compare/schema.js';
import { buildAnalysisReport } from '../../src/analyze/build-analysis-report.js';
import { compareBatch, loadBatch, permute, seedBatch } from './helpers.js';
import { renderAnalysisText } from '../../src/report/render-analysis-text.js';
import { renderMarkdown } from '../../src/report/render-markdown.js';
import { renderHtml } from '../../src/report/render-html.js';
import { renderCsv } from '../../src/report/render-csv.js';
import { seedFiles } from '../seeds.js';

describe('a text whose outline gave no action or project', () => {
  it('is not assessed for coverage: no item said to be missing, no coverage outlier, ? in the matrix', () => {
    const seeds = seedFiles().map((f) => ({ source: `seeds/${f.file}`, text: f.text }));
    const note = { source: 'notes.md', text: '# 全民科学素质行动实施方案说明\n\n本目录收存各地科普工作方案,供比对研究。\n' };
    const b = loadBatch([...seeds, note]);
    const entry = b.report.plans.at(-1)!;
    expect(entry.diagnostics.map((d) => d.code)).toContain('outline/no-sections');
    expect([entry.coverage, entry.missing]).toEqual([null, []]);
    expect(renderAnalysisText({ ...b.report, plans: [entry] })).toContain('coverage not assessed (no actions or projects were found)');
    const c = compareBatch(b);
    const row = c.matrix.rows.find((r) => r.source === 'notes.md')!;
    expect([row.score, row.rank, Object.values(row.cells).every((x) => x === null)]).toEqual([null, null, true]);
    expect(c.outliers.filter((o) => o.kind === 'coverage' && JSON.stringify(o).includes('notes.md'))).toEqual([]);
    // The plans read as before: 兰州 still lacks the exchange project.
    expect(c.matrix.rows.find((r) => r.region === '兰州市')?.cells['exchange']).toBe('none');
  });
});

describe('comparePlans on small and broken batches', () => {
  it('compares zero plans: not enough data, no throw', () => {
    const c = comparePlans(buildAnalysisReport([]), []);
    expect(c.targets.stats).toMatchObject({ status: 'not-enough-data', reason: 'no-plans', n: 0 });
    expect(c.targets.rows).toEqual([]);
    expect(c.matrix).toEqual({ templateId: null, items: [], rows: [] });
    expect(c.reuse.sections).toEqual([]);
    expect(ComparisonReportSchema.safeParse(c).success).toBe(true);
    expect(renderComparisonText(c)).toContain('not enough data');
  });

  it('compares one plan: not enough data for statistics, everything else filled in', () => {
    const seeds = seedBatch();
    const one = permute(seeds, [0]);
    const c = compareBatch(one);
    expect(c.targets.stats).toMatchObject({ status: 'not-enough-data', reason: 'one-target', n: 1 });
    expect(c.targets.rows).toHaveLength(1);
    expect(c.targets.rows[0]).toMatchObject({ region: '兰州市', rank: 1, z: null, verdict: 'at-threshold' });
    expect(c.matrix.rows[0]?.rank).toBe(1);
    expect(c.reuse.sections.every((s) => s.peers === 0 && s.bestPeer === null)).toBe(true);
    expect(c.outliers.filter((o) => o.kind === 'target' || o.kind === 'coverage')).toEqual([]);
    expect(renderComparisonText(c)).toContain('Statistics: not enough data: only one plan has a comparable headline target (one-target)');
  });

  it('says why when no plan has a target, or none for a common year', () => {
    const seeds = seedBatch();
    const noTargets = { ...seeds.report, plans: seeds.report.plans.map((p) => ({ ...p, target: null, targetDelta: null })) };
    const c = comparePlans(noTargets, seeds.results.map((r) => r.plan));
    expect(c.targets.stats).toMatchObject({ status: 'not-enough-data', reason: 'no-targets' });
    expect(c.targets.withoutTarget.map((w) => w.reason)).toEqual(['no-target', 'no-target', 'no-target', 'no-target', 'no-target']);
    expect(c.diagnostics.filter((d) => d.code === 'compare/no-target')).toHaveLength(5);

    const noYears = { ...seeds.report, plans: seeds.report.plans.map((p) => ({ ...p, target: p.target && { ...p.target, year: null } })) };
    const y = comparePlans(noYears, seeds.results.map((r) => r.plan));
    expect(y.targets.stats).toMatchObject({ status: 'not-enough-data', reason: 'no-comparable-targets' });
    expect(y.targets.rows.every((r) => r.verdict === 'unknown' && r.deltaVsNational === null && !r.inStats)).toBe(true);
    expect(y.targets.flags.find((f) => f.code === 'target-year-missing')?.sources).toHaveLength(5);

    const years = [2025, 2025, 2020, 2025, 2025];
    const mixed = { ...seeds.report, plans: seeds.report.plans.map((p, i) => ({ ...p, target: p.target && { ...p.target, year: years[i]! } })) };
    const m = comparePlans(mixed, seeds.results.map((r) => r.plan));
    expect(m.targets.stats).toMatchObject({ status: 'ok', n: 4, year: 2025 });
    expect(m.targets.flags.find((f) => f.code === 'target-year-differs')?.sources).toEqual(['seeds/002_3c722ad7abbba4b7.txt']);
    expect(m.targets.rows.find((r) => r.region === '拉萨市')).toMatchObject({ inStats: false, z: null, verdict: 'unknown' });
  });

  it('keeps a file that could not be read, with nulls', () => {
    const b = loadBatch([
      { source: 'empty.txt', text: '   ' },
      { source: 'seeds/lanzhou.txt', text: seedBatch().results[0]!.text! },
    ]);
    const c = compareBatch(b);
    expect(c.plans).toBe(2);
    expect(c.targets.withoutTarget).toEqual([{ source: 'empty.txt', region: null, reason: 'unread' }]);
    const row = c.matrix.rows.find((r) => r.source === 'empty.txt');
    expect(row).toMatchObject({ score: null, rank: null, extras: [] });
    expect(Object.values(row!.cells).every((v) => v === null)).toBe(true);
    expect(c.parents.find((p) => p.source === 'empty.txt')?.chain).toEqual([]);
    expect(c.diagnostics.map((d) => d.code)).toContain('compare/unread-plan');
    expect(c.targets.stats).toMatchObject({ status: 'not-enough-data', reason: 'one-target' });
    expect(ComparisonReportSchema.safeParse(c).success).toBe(true);
    expect(() => renderComparisonText(c)).not.toThrow();
  });

  it('works without the texts: spans then point into sections rebuilt from the model', () => {
    const seeds = seedBatch();
    const c = comparePlans(seeds.report, seeds.results.map((r) => r.plan));
    expect(c.reuse.sections.length).toBeGreaterThan(40);
    expect(c.reuse.sections.every((s) => s.spansIn === 'model')).toBe(true);
    expect(c.targets.rows.map((r) => r.region)).toEqual(['上虞区', '中山市', '兰州市', '砀山县', '拉萨市']);
  });
});

describe('a plan given twice', () => {
  it('is said, once per extra copy: the same source, or another source with the same text', () => {
    const seeds = seedBatch();
    const twice = permute(seeds, [0, 1, 2, 3, 4, 0]);
    const c = compareBatch(twice);
    expect(c.diagnostics.filter((d) => d.code === 'compare/duplicate-plan')).toEqual([
      { code: 'compare/duplicate-plan', severity: 'warning', message: `${seeds.report.plans[0]!.source} is in the batch more than once; each copy counts in the statistics`, source: seeds.report.plans[0]!.source },
    ]);
    const copy = loadBatch([...seeds.results.map((r) => ({ source: r.source, text: r.text! })), { source: 'copy/lanzhou.txt', text: seeds.results[0]!.text! }]);
    expect(compareBatch(copy).diagnostics.filter((d) => d.code === 'compare/duplicate-plan').map((d) => d.message)).toEqual([
      `${seeds.report.plans[0]!.source} has the same text as copy/lanzhou.txt; both count in the statistics`,
    ]);
    expect(compareBatch(seeds).diagnostics.map((d) => d.code)).not.toContain('compare/duplicate-plan');
  });
});

describe('comparePlans misuse', () => {
  it('throws when the models or texts are not the report plans\' own, in their order', () => {
    const { report, results } = seedBatch();
    const plans = results.map((r) => r.plan);
    const texts = results.map((r) => r.text);
    const last = report.plans.at(-1)!.source;
    expect(() => comparePlans(report, [...plans].reverse(), { texts })).toThrow(`the plan model at 0 (${last}) is not the one the report's plan there (${report.plans[0]!.source}) was made from`);
    expect(() => comparePlans(report, plans, { texts: [...texts].reverse() })).toThrow(/text at \d+ .* is not the one/u);
    expect(() => comparePlans(report, plans.slice(1))).toThrow(/4 plan models for the report's 5 plans/u);
    expect(() => comparePlans(report, null as never)).toThrow(TypeError);
  });
});

describe('determinism', () => {
  const seeds = seedBatch();
  const base = JSON.stringify(compareBatch(seeds));

  it('gives the same bytes for the same input', () => {
    expect(JSON.stringify(compareBatch(seeds))).toBe(base);
  });

  it.each([
    [[4, 3, 2, 1, 0]],
    [[2, 0, 4, 1, 3]],
    [[1, 2, 3, 4, 0]],
    [[3, 4, 0, 2, 1]],
  ])('is independent of the order the files are given in (%j)', (order) => {
    const c = compareBatch(permute(seeds, order));
    expect(JSON.stringify(c)).toBe(base);
    expect(renderComparisonText(c)).toBe(renderComparisonText(JSON.parse(base)));
  });
});

describe('review of 841697d: a text whose outline gave no action or project, elsewhere in the reports', () => {
  const lanzhou = seedFiles().find((f) => f.file.startsWith('000'))!;
  const yuzhong = [
    '榆中县全民科学素质行动实施方案（2021—2025年）',
    '为深入贯彻落实《兰州市全民科学素质行动实施方案（2022—2025年）》，结合我县实际，制定本方案。',
    '到2025年，我县公民具备科学素质的比例达到12%。',
    '第一部分 青少年科学素质提升',
    '开展科学家精神进校园活动。（责任单位：县教育局、县科协）',
  ].join('\n');
  const note = '# 关于印发《某市全民科学素质行动实施方案》的通知\n\n各县区人民政府，市政府各部门：\n\n现将方案印发给你们，请认真贯彻落实。\n';
  const b = loadBatch([
    { source: `seeds/${lanzhou.file}`, text: lanzhou.text },
    { source: 'yuzhong.txt', text: yuzhong },
    { source: 'notice.md', text: note },
  ]);
  const c = compareBatch(b);

  it('is not assessed against a parent plan in the batch either (its target still is)', () => {
    const yz = c.parents.find((p) => p.source === 'yuzhong.txt')!;
    expect(yz.comparisons).toHaveLength(1);
    expect(yz.comparisons[0]).toMatchObject({ sections: null, subItems: null, missing: [], verdict: 'falls-short' });
    expect(ComparisonReportSchema.parse(c)).toBeTruthy();
    expect(renderComparisonText(c)).toContain('coverage not assessed, target falls-short');
  });

  it('is said not assessed, not read and not lacking nothing, in Markdown, HTML and CSV', () => {
    const md = renderMarkdown(b.report, c);
    const block = (name: string) => md.slice(md.indexOf(`### ${name}`), md.indexOf('\n### ', md.indexOf(`### ${name}`) + 4));
    expect(block('榆中县')).toContain('覆盖：未评估');
    expect(block('榆中县')).not.toContain('缺失：无');
    // The note was read (no title, no region): it is not reported as unread.
    expect(block('notice.md')).not.toContain('未能读取');
    const html = renderHtml(b.report, c);
    expect(html).toContain('未评估（未识别出行动或工程）');
    const csv = renderCsv(b.report, c).split('\r\n').filter((l) => l.startsWith('yuzhong.txt') || l.startsWith('notice.md'));
    expect(csv.map((l) => l.split(',')[6])).toEqual(['not-assessed', 'not-assessed']);
  });
});
