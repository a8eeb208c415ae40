/**
 * Analyse one plan against the national outline: where it is from, how its headline target compares,
 * what it leaves out and what it adds.
 *
 *   npx tsx examples/analyze-one-plan.ts [file]      (default: the 兰州 seed)
 */
import path from 'node:path';
import { buildAnalysisReport } from '../src/index.js';
import { loadPlanFile } from '../src/node.js';

const file = process.argv[2] ?? path.join(import.meta.dirname, '..', 'seeds', '000_4b23307378cbe49b.txt');

// Read and parse the file (text, HTML, Word or a JSON model); a bad file gives diagnostics, not an exception.
const loaded = await loadPlanFile(file);
// Align it with its template (chosen from its period and basis) and analyse the gaps.
const report = buildAnalysisReport([loaded]);
const plan = report.plans[0]!;

if (!plan.coverage) {
  console.error(`could not read ${file}: ${plan.diagnostics.map((d) => d.message).join('; ')}`);
  process.exit(1);
}

const titles = new Map(plan.coverage.items.map((i) => [i.id, i.title]));
console.log(`${plan.region ?? '?'} (${plan.level}, ${plan.province ?? '?'}) — ${plan.title ?? 'untitled'}`);
console.log(`period     ${plan.period ? `${plan.period.start}–${plan.period.end}` : 'unknown'}, template ${plan.template?.id}`);
if (plan.target && plan.targetDelta) {
  console.log(`target     ${plan.target.raw}`);
  console.log(`verdict    ${plan.targetDelta.verdict}: ${plan.targetDelta.summary}`);
}
const c = plan.coverage;
console.log(`coverage   actions/projects ${c.sections.covered}+${c.sections.partial}½ of ${c.sections.total}, sub-items ${c.subItems.covered}+${c.subItems.partial}½ of ${c.subItems.total}`);
console.log(`missing    ${plan.missing.map((id) => `${id} (${titles.get(id)})`).join(', ') || 'nothing'}`);
console.log(`extras     ${plan.extras.filter((e) => e.kind === 'section').map((e) => e.title).join('、') || 'none'}`);
