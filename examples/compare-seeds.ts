/**
 * Compare all seed plans with each other: the headline targets ranked against the national 2025 target
 * (超过15%), and one indicator made comparable across plans (科技小院).
 *
 *   npx tsx examples/compare-seeds.ts
 */
import path from 'node:path';
import { buildAnalysisReport, comparePlans } from '../src/index.js';
import { expandGlob, loadPlanFiles } from '../src/node.js';

const seeds = path.join(import.meta.dirname, '..', 'seeds');
const results = await loadPlanFiles(await expandGlob(`${seeds}/*.txt`));
const report = buildAnalysisReport(results);
// plans and texts go with report.plans index by index; the texts let reuse spans point into them.
const comparison = comparePlans(report, results.map((r) => r.plan), { texts: results.map((r) => r.text) });

console.log('Headline targets (公民具备科学素质的比例), highest first:');
for (const row of comparison.targets.rows) {
  const delta = row.deltaVsNational === null ? '—' : `${row.deltaVsNational > 0 ? '+' : ''}${row.deltaVsNational}`;
  const tone = [row.aspirational ? '力争' : '', row.approximate ? '约' : ''].filter(Boolean).join(' ');
  console.log(`  ${row.rank}. ${row.region ?? row.source}  ${row.comparator}${row.value}% (${row.year})  Δ national ${delta}  ${row.verdict}${tone ? ` (${tone})` : ''}`);
}
const stats = comparison.targets.stats;
if (stats.status === 'ok') console.log(`  mean ${stats.mean}, median ${stats.median}, sd ${stats.standardDeviation} (n = ${stats.n})`);

const yard = comparison.indicators.find((i) => i.key === '科技小院');
console.log(`\nIndicator 科技小院 (${yard ? `${yard.plans} plans, unit ${yard.unit}` : 'not stated by any plan'}):`);
for (const v of yard?.values ?? []) console.log(`  ${v.region}: ${v.value} ${yard!.unit}  — “${v.name}”`);
