import fc from 'fast-check';
import diff from 'fast-diff';
import { describe, expect, it } from 'vitest';
import { boundedDiff, type DiffOp } from '../../src/compare/internal/bounded-diff.js';
import { seedFiles } from '../seeds.js';

const sides = (ops: readonly DiffOp[]) => ({
  a: ops.filter(([op]) => op <= 0).map(([, t]) => t).join(''),
  b: ops.filter(([op]) => op >= 0).map(([, t]) => t).join(''),
});

describe('boundedDiff', () => {
  const seeds = seedFiles().map((s) => s.text);

  it('is fast-diff itself for texts up to 10,000 characters together', () => {
    const a = seeds[0]!.slice(0, 4000);
    const b = seeds[0]!.slice(500, 4500).replace(/科普/gu, '科学普及');
    expect(boundedDiff(a, b)).toEqual(diff(a, b, undefined, true));
  });

  it('rebuilds both texts, no op empty, for long texts of shared and own lines', () => {
    const lines = seeds.flatMap((t) => t.split('\n')).filter((l) => l !== '');
    const text = fc.array(fc.nat({ max: lines.length - 1 }), { minLength: 150, maxLength: 300 }).map((ix) => ix.map((i) => lines[i]).join('\n'));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const ops = boundedDiff(a, b);
        expect(sides(ops)).toEqual({ a, b });
        for (const [, t] of ops) expect(t).not.toBe('');
      }),
      { numRuns: 15 },
    );
  });

  it('gives two long, unlike sections as deleted and inserted lines with the shared lines equal, not minutes of character diff', () => {
    // 80,000 characters each from different seeds (fast-diff alone: over 60 s), sharing three lines.
    const shared = ['一、总体要求', '二、重点任务', '三、组织实施'];
    const long = (t: string) => {
      const body = t.replace(/[一二三]、[^\n]*\n/gu, '');
      let out = '';
      for (let i = 0; out.length < 80_000; i++) out += `${body.slice((i * 997) % 5000, ((i * 997) % 5000) + 900)}\n${shared[i % 3]}\n`;
      return out;
    };
    const a = long(seeds[1]!);
    const b = long(seeds[2]!);
    const ops = boundedDiff(a, b);
    expect(sides(ops)).toEqual({ a, b });
    expect(ops.filter(([op]) => op === 0).some(([, t]) => t.includes('二、重点任务'))).toBe(true);
  });
});
