import { comparePlans } from '../../src/compare/compare-plans.js';
import type { ComparisonReport } from '../../src/compare/schema.js';
import { loadPlanFromText, type LoadResult } from '../../src/load/load-plan.js';
import { buildAnalysisReport } from '../../src/analyze/build-analysis-report.js';
import type { AnalysisReport } from '../../src/analyze/analysis-report.js';
import { seedFiles } from '../seeds.js';

export interface Inputs {
  results: LoadResult[];
  report: AnalysisReport;
  comparison: ComparisonReport;
}

/** Builds report and comparison from loaded results, the way the CLI does. */
export function build(results: LoadResult[]): Inputs {
  const report = buildAnalysisReport(results);
  const comparison = comparePlans(report, results.map((r) => r.plan), { texts: results.map((r) => r.text) });
  return { results, report, comparison };
}

let seeds: Inputs | undefined;

/** The five seeds as `seeds/<file>`, built once per test file. */
export function seedInputs(): Inputs {
  seeds ??= build(seedFiles().map((s) => loadPlanFromText(s.text, `seeds/${s.file}`)));
  return seeds;
}

export const SEED_REGIONS = ['兰州市', '砀山县', '拉萨市', '中山市', '上虞区'] as const;

export const EVIL = '<script>alert(1)</script>';

/** A deep copy of the seeds' report with plan text replaced by markup, as a hostile input file could give. */
export function hostileReport(): AnalysisReport {
  const report = structuredClone(seedInputs().report);
  const p = report.plans[0]!;
  p.title = EVIL;
  p.region = `${EVIL}市`;
  p.docNumber = '<img src=x onerror=alert(2)>';
  const s = p.sections[0]!;
  s.raw = `${EVIL}|pipe|`;
  s.title = `${EVIL}|pipe|`;
  s.evidence = [{ phrase: '"><svg onload=alert(3)>', templateId: 'youth', source: 'title', kind: 'heading', span: { start: 1, end: 2 } }];
  s.measures[0]!.agencies = [{ name: `${EVIL}局`, role: '牵头', span: { start: 3, end: 4 } }];
  p.extras = [{ kind: 'section', section: 0, measure: null, title: `=HYPERLINK("http://evil")${EVIL}`, span: { start: 0, end: 1 } }];
  if (p.target) p.target = { ...p.target, raw: `${EVIL} 15%` };
  return report;
}
