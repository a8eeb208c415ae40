/**
 * Write the seeds' comparison as one self-contained HTML page (no network, prints well) and print its
 * path. Open it in any browser.
 *
 *   npx tsx examples/write-html-report.ts
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildAnalysisReport, comparePlans, renderCsv, renderHtml } from '../src/index.js';
import { expandGlob, loadPlanFiles } from '../src/node.js';
// The renderers are not yet re-exported from the package entry; import them from their modules.

const root = path.join(import.meta.dirname, '..');
const results = await loadPlanFiles(await expandGlob(`${root}/seeds/*.txt`));
const report = buildAnalysisReport(results);
const comparison = comparePlans(report, results.map((r) => r.plan), { texts: results.map((r) => r.text) });

const out = path.join(root, 'out');
await mkdir(out, { recursive: true });
const html = path.join(out, 'report.html');
await writeFile(html, renderHtml(report, comparison, { title: '五地全民科学素质实施方案对比' }));
// The same coverage as a spreadsheet: one row per plan × template item, UTF-8 with BOM for Excel.
await writeFile(path.join(out, 'coverage.csv'), renderCsv(report, comparison));

console.log(`wrote ${html} (${report.plans.length} plans)`);
