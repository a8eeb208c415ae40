/**
 * Compare a plan with a template of your own instead of the national outline: first another plan
 * turned into a template (as a province's plan serves its cities), then a small template written inline
 * as JSON and checked with loadTemplate.
 *
 *   npx tsx examples/custom-template.ts
 */
import path from 'node:path';
import { buildAnalysisReport, loadTemplate, templateFromPlan } from '../src/index.js';
import { loadPlanFile } from '../src/node.js';

const seeds = path.join(import.meta.dirname, '..', 'seeds');
const zhongshan = await loadPlanFile(path.join(seeds, '003_a2c2ef432eea6382.txt'));
const dangshan = await loadPlanFile(path.join(seeds, '001_a778eabecd33c60a.txt'));
if (!zhongshan.plan || !dangshan.plan) throw new Error('seeds missing');

// 1. 中山's plan as the template for 砀山: items keep national ids where 中山 follows the outline.
const template = templateFromPlan(zhongshan.plan);
const [vsZhongshan] = buildAnalysisReport([dangshan], { template }).plans;
const c = vsZhongshan!.coverage!;
console.log(`${template.title}: ${template.items.length} items`);
console.log(`  砀山县 covers ${c.sections.covered} of its ${c.sections.total} actions/projects and ${c.subItems.covered} of ${c.subItems.total} measures fully`);
const itemTitle = new Map(template.items.map((i) => [i.id, i.title]));
const missing = vsZhongshan!.missing.filter((id) => !id.includes('.')).map((id) => `${id} ${itemTitle.get(id)}`);
console.log(`  missing against 中山: ${missing.join(', ') || 'nothing'}`);
console.log(`  target: ${vsZhongshan!.targetDelta?.summary ?? 'no comparable target'}`);

// 2. A template written by hand: two actions, one with sub-items, and a 2025 target.
const json = JSON.stringify({
  id: 'mini',
  title: '两项行动的小模板',
  period: { start: 2021, end: 2025 },
  basis: [],
  items: [
    { id: 'youth', title: '青少年科学素质提升行动', kind: 'action', parent: null, aliases: [], keywords: ['青少年', '中小学'] },
    { id: 'youth.teachers', title: '实施教师科学素质提升工程', kind: 'action', parent: 'youth', aliases: [], keywords: ['科学教师', '教师'] },
    { id: 'elderly', title: '老年人科学素质提升行动', kind: 'action', parent: null, aliases: [], keywords: ['老年人', '银龄'] },
  ],
  targets: [{ metric: '公民具备科学素质的比例', year: 2025, value: 12, comparator: '>' }],
  baseline: null,
});
const mini = loadTemplate(json, 'mini.json');
if (!mini.template) throw new Error(mini.diagnostics.map((d) => d.message).join('; '));
const [vsMini] = buildAnalysisReport([dangshan], { template: mini.template }).plans;
console.log(`\n${mini.template.title}:`);
for (const item of vsMini!.coverage!.items) console.log(`  ${item.id.padEnd(15)} ${item.status}`);
console.log(`  target: ${vsMini!.targetDelta?.verdict} — ${vsMini!.targetDelta?.summary}`);
