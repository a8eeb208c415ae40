import { comparePlans, type ComparePlansOptions } from '../../src/compare/compare-plans.js';
import type { ComparisonReport } from '../../src/compare/schema.js';
import { loadPlanFromText, type LoadResult } from '../../src/load/load-plan.js';
import { buildAnalysisReport } from '../../src/analyze/build-analysis-report.js';
import type { AnalysisReport } from '../../src/analyze/analysis-report.js';
import { NATIONAL_2021 } from '../../src/template/national-2021.js';
import { seedFiles } from '../seeds.js';

/** What the CLI will hand to comparePlans. */
export interface Batch {
  results: LoadResult[];
  report: AnalysisReport;
}

/** Loads texts the way the CLI will: loadPlanFromText, then buildAnalysisReport. */
export function loadBatch(inputs: readonly { source: string; text: string }[]): Batch {
  const results = inputs.map((i) => loadPlanFromText(i.text, i.source));
  return { results, report: buildAnalysisReport(results) };
}

export function compareBatch(b: Batch, options: Omit<ComparePlansOptions, 'texts'> = {}): ComparisonReport {
  return comparePlans(b.report, b.results.map((r) => r.plan), { ...options, texts: b.results.map((r) => r.text) });
}

let seeds: Batch | undefined;

/** The five seeds as `seeds/<file>`, loaded once per test file. */
export function seedBatch(): Batch {
  seeds ??= loadBatch(seedFiles().map((s) => ({ source: `seeds/${s.file}`, text: s.text })));
  return seeds;
}

/** The same batch with its plans in another order (what giving the files in that order produces). */
export function permute(b: Batch, order: readonly number[]): Batch {
  return {
    results: order.map((i) => b.results[i]!),
    report: { ...b.report, plans: order.map((i) => b.report.plans[i]!) },
  };
}

/**
 * A plan pasted together from the national outline's headings: every action and project with its
 * sub-item headings as its measures, nothing of its own.
 */
export function pastedFromHeadings(region = '某某市'): string {
  const top = NATIONAL_2021.items.filter((i) => i.parent === null && i.kind !== 'org');
  const nums = '一二三四五六七八九十';
  const block = (kind: 'action' | 'project') =>
    top
      .filter((i) => i.kind === kind)
      .map((it, k) => {
        const subs = NATIONAL_2021.items.filter((s) => s.parent === it.id);
        return [`（${nums[k]}）${it.title}`, ...subs.map((s, j) => `${j + 1}.${s.title}。${s.title}。`)].join('\n');
      })
      .join('\n');
  return [
    `${region}全民科学素质行动规划纲要实施方案（2022—2025年）`,
    '一、总体要求',
    '到2025年，公民具备科学素质的比例超过15%。',
    '二、提升行动',
    block('action'),
    '三、重点工程',
    block('project'),
  ].join('\n');
}

/** A stand-in for 宿州市's own plan: 砀山's text moved up one level, with a target of 14%. */
export function suzhouFrom(dangshan: string): string {
  return dangshan
    .replace(/和《宿州市人民政府办公厅[^》]*》（宿政办秘〔2022〕25号）/u, '')
    .replaceAll('砀山县', '宿州市')
    .replaceAll('砀山', '宿州')
    .replace(/县/gu, '市')
    .replace('比例达到13%', '比例达到14%');
}
