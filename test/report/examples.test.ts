import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');

describe('examples/', () => {
  it('run-all runs every example and each exits 0 with meaningful output', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'examples/run-all.ts'], { cwd: root, encoding: 'utf8', timeout: 300_000 });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^5 passed, 0 failed$/mu);
    expect(r.stdout).toContain('verdict    at-threshold'); // analyze-one-plan: 兰州
    expect(r.stdout).toMatch(/1\. 上虞区 {2}>=18\.5% \(2025\) {2}Δ national \+3\.5 {2}exceeds/u); // compare-seeds
    expect(r.stdout).toMatch(/兰州市: 4 个/u); // 科技小院
    expect(r.stdout).toContain('"region": "永登县"'); // embed
    const html = path.join(root, 'out', 'report.html');
    expect(r.stdout).toContain(`wrote ${html}`);
    expect(existsSync(html)).toBe(true);
    expect(readFileSync(html, 'utf8')).toContain('五地全民科学素质实施方案对比');
  }, 300_000);
});
