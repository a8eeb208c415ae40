import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeCorpus } from '../../bench/corpus.js';
import { SEEDS_DIR } from '../seeds.js';

const cli = path.resolve(SEEDS_DIR, '..', 'dist', 'cli.js');

describe('the built CLI on a batch with parent plans, on worker threads', () => {
  it.skipIf(!existsSync(cli))('compares with parents on the workers and gives the same bytes as one thread', () => {
    // 北京市, 天津市 and their districts (the benchmark's corpus): each district's plan is compared with its city's.
    const root = mkdtempSync(path.join(tmpdir(), 'gangyao-threads-'));
    const corpus = makeCorpus(root, SEEDS_DIR, 24);
    const run = (threads: string) =>
      execFileSync('node', [cli, 'compare', path.join(corpus.dir, '*.txt'), '--format', 'json', '--threads', threads], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const one = run('1');
    const two = run('2');
    rmSync(root, { recursive: true, force: true });
    expect(two).toBe(one);
    const report = JSON.parse(one) as { plans: number; parents: { region: string | null; comparisons: { parentRegion: string | null; sections: number }[] }[] };
    expect(report.plans).toBe(24);
    const compared = report.parents.filter((p) => p.comparisons.length > 0);
    expect(compared.length).toBeGreaterThan(10);
    expect(compared.every((p) => p.comparisons.every((c) => ['北京市', '天津市'].includes(c.parentRegion ?? '') && c.sections > 0))).toBe(true);
    expect(report.parents.find((p) => p.region === '东城区')?.comparisons[0]?.parentRegion).toBe('北京市');
  });
});
