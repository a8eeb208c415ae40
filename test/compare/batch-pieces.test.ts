import { describe, expect, it } from 'vitest';
import { serialize } from 'node:v8';
import { compareWithParent, parentComparisonModel } from '../../src/compare/trace-parents.js';
import { templateFromPlan } from '../../src/analyze/template-from-plan.js';
import { reuseUnitInputs } from '../../src/compare/internal/reuse-kernel.js';
import { REUSE_METHOD } from '../../src/compare/measure-reuse.js';
import { seedBatch } from './helpers.js';

// The pieces a batch on worker threads is made of: what each thread keeps and sends must give the
// same comparison as the whole models would.
describe('parentComparisonModel', () => {
  const { results } = seedBatch();
  const plans = results.map((r) => r.plan!);

  it('gives every seed the same comparison with every other seed (as its parent) as the whole model', () => {
    let compared = 0;
    for (const parent of plans) {
      const template = templateFromPlan(parent);
      for (const child of plans) {
        if (child === parent) continue;
        const from = { source: parent.source, region: parent.region?.name ?? null, template };
        const whole = compareWithParent(child, from);
        expect(compareWithParent(parentComparisonModel(child), from)).toEqual(whole);
        compared++;
      }
    }
    expect(compared).toBe(20);
  });

  it('makes the same template when the plan is a parent', () => {
    for (const p of plans) expect(templateFromPlan(parentComparisonModel(p))).toEqual(templateFromPlan(p));
  });

  it('is smaller to keep than the model, and leaves the model alone', () => {
    for (const p of plans) {
      const before = serialize(p).length;
      const slim = serialize(parentComparisonModel(p)).length;
      expect(slim).toBeLessThan(0.9 * before);
      expect(serialize(p).length).toBe(before);
      expect(p.sections.some((s) => s.raw !== '')).toBe(true);
    }
  });
});

describe('reuseUnitInputs in shared memory', () => {
  it("puts all of a plan's sections in one block, with the same values as without it", () => {
    const { results, report } = seedBatch();
    for (const [i, r] of results.entries()) {
      const entry = { plan: r.plan, text: r.text };
      const plain = reuseUnitInputs(report.plans[i]!.sections, entry, REUSE_METHOD);
      const shared = reuseUnitInputs(report.plans[i]!.sections, entry, REUSE_METHOD, (n) => new SharedArrayBuffer(n));
      const units = shared.filter((u) => u !== null);
      expect(units.length).toBeGreaterThan(5);
      expect(new Set(units.flatMap((u) => [u.hashes.buffer, u.fingerprints.buffer])).size).toBe(1);
      expect(units[0]!.hashes.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(shared.map((u) => u && [Array.from(u.hashes), Array.from(u.fingerprints)])).toEqual(plain.map((u) => u && [Array.from(u.hashes), Array.from(u.fingerprints)]));
    }
  });
});
