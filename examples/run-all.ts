/**
 * Runs every example in this folder as its own process and fails when any of them does.
 *
 *   npx tsx examples/run-all.ts
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const here = import.meta.dirname;
const root = path.join(here, '..');
const examples = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'run-all.ts')
  .sort();

let failed = 0;
for (const file of examples) {
  const started = performance.now();
  // node --import tsx runs TypeScript directly, from the repository root as a user would.
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join('examples', file)], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  const ms = Math.round(performance.now() - started);
  const ok = r.status === 0 && r.stdout.trim() !== '';
  if (!ok) failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${file} (${ms} ms)`);
  const output = (ok ? r.stdout : `${r.stdout}${r.stderr}${r.error ? String(r.error) : ''}`).trimEnd();
  console.log(output.replace(/^/gmu, '     '));
}
console.log(`\n${examples.length - failed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
