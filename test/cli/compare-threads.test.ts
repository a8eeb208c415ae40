import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeCorpus } from '../../bench/corpus.js';
import { loadPlanFromText } from '../../src/load/load-plan.js';
import { SEEDS_DIR, seedFiles } from '../seeds.js';
import { defaultThreads, PLANS_PER_COMPARING_WORKER } from '../../src/cli/pool.js';

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

  it.skipIf(!existsSync(cli))('measures reuse in saved JSON models (no text) alike on one thread and on workers, and shows their sections in --diff', () => {
    // 16 models: the five seeds, saved as models, some under two names.
    const root = mkdtempSync(path.join(tmpdir(), 'gangyao-models-'));
    try {
      const seeds = seedFiles();
      for (let i = 0; i < 16; i++) {
        const s = seeds[i % seeds.length]!;
        writeFileSync(path.join(root, `m${String(i).padStart(2, '0')}.json`), JSON.stringify(loadPlanFromText(s.text, s.file).plan));
      }
      const run = (...args: string[]) => execFileSync('node', [cli, 'compare', path.join(root, '*.json'), ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      const one = run('--format', 'json', '--no-parent-compare', '--threads', '1');
      const two = run('--format', 'json', '--no-parent-compare', '--threads', '2');
      expect(two).toBe(one);
      const report = JSON.parse(one) as { reuse: { sections: { source: string; spansIn: string; peers: number }[] } };
      // Every section of a model is measured (from the model's text), and copies under two names are found.
      expect(report.reuse.sections.length).toBeGreaterThan(40);
      expect(report.reuse.sections.every((r) => r.spansIn === 'model')).toBe(true);
      expect(report.reuse.sections.filter((r) => r.peers > 0.9).length).toBeGreaterThan(20);
      // --diff on workers reads a model's section (it used to stop: "its model was not asked for").
      const diff = run('--format', 'text', '--threads', '2', '--diff', `${path.join(root, 'm00.json')}#0,${path.join(root, 'm05.json')}#0`);
      const first = loadPlanFromText(seeds[0]!.text, seeds[0]!.file).plan!.sections[0]!;
      expect(diff).toContain(`Diff (similarity 1): ${path.join(root, 'm00.json')} ${first.title}  ⇄  ${path.join(root, 'm05.json')} ${first.title}`);
      expect(diff).toContain(first.measures[0]!.title.slice(0, 6));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('uses worker threads by default only for batches that repay them: one per core and per 600 plans (1,200 when compared), at most 4', () => {
    expect([1, 16, 100, 1199].map((n) => defaultThreads(n, 8))).toEqual([1, 1, 1, 1]);
    expect([1200, 1800, 2399, 2400, 3200].map((n) => defaultThreads(n, 8))).toEqual([2, 3, 3, 4, 4]);
    expect([1200, 3200].map((n) => defaultThreads(n, 2))).toEqual([2, 2]);
    expect([2399, 2400, 3200].map((n) => defaultThreads(n, 2, PLANS_PER_COMPARING_WORKER))).toEqual([1, 2, 2]);
    expect(defaultThreads(3200, 1)).toBe(1);
  });
});
