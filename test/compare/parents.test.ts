import { describe, expect, it } from 'vitest';
import { compareBatch, loadBatch, seedBatch, suzhouFrom } from './helpers.js';

describe('traceParents with a parent in the batch', () => {
  const dangshan = seedBatch().results[1]!.text!;
  const batch = loadBatch([
    { source: 'seeds/001_a778eabecd33c60a.txt', text: dangshan },
    { source: 'synthetic/suzhou.txt', text: suzhouFrom(dangshan) },
  ]);
  const c = compareBatch(batch);
  const ds = c.parents.find((p) => p.region === '砀山县')!;

  it('links the parent plan and compares the child against it as a template', () => {
    expect(batch.report.plans[1]).toMatchObject({ region: '宿州市', level: 'city' });
    expect(ds.chain[0]).toMatchObject({ region: '宿州市', cited: true, inBatch: ['synthetic/suzhou.txt'] });
    expect(ds.chain.slice(1).every((l) => l.inBatch.length === 0)).toBe(true);
    expect(ds.comparisons).toHaveLength(1);
    expect(ds.comparisons[0]).toMatchObject({ parentSource: 'synthetic/suzhou.txt', parentRegion: '宿州市', verdict: 'falls-short', delta: -1, missing: [] });
    expect(ds.comparisons[0]!.sections).toBeGreaterThan(0.9);
    expect(c.parents.find((p) => p.region === '宿州市')?.comparisons).toEqual([]);
  });

  it('can skip the comparisons with parents and still link them', () => {
    const quick = compareBatch(batch, { parentComparisons: false });
    expect(quick.parents.find((p) => p.region === '砀山县')?.comparisons).toEqual([]);
    expect(quick.parents.find((p) => p.region === '砀山县')?.chain[0]?.inBatch).toEqual(['synthetic/suzhou.txt']);
    expect(quick.targets.rows.find((r) => r.region === '砀山县')?.deltaVsParent).toBe(-1);
  });

  it("gives the target's delta against the parent", () => {
    const row = c.targets.rows.find((r) => r.region === '砀山县');
    expect(row).toMatchObject({ deltaVsParent: -1, parent: { region: '宿州市', source: 'synthetic/suzhou.txt', value: 14 } });
    expect(c.targets.rows.find((r) => r.region === '宿州市')?.deltaVsParent).toBeNull();
  });
});
