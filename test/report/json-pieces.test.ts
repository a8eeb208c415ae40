import { describe, expect, it } from 'vitest';
import { jsonPieces } from '../../src/report/json-pieces.js';
import { compareBatch, seedBatch } from '../compare/helpers.js';

const join = (value: unknown, depth: number) => [...jsonPieces(value, depth)].join('');

describe('jsonPieces', () => {
  it('parses back to what JSON.stringify gives, at any depth', () => {
    const value = { a: [1, { b: undefined, c: 'x' }, undefined], d: { e: [], f: {} }, g: null, h: () => 1, i: new Date(0) };
    for (const depth of [0, 1, 2, 3, 9]) expect(JSON.parse(join(value, depth))).toEqual(JSON.parse(JSON.stringify(value)));
    expect(join(value, 0)).toBe(JSON.stringify(value));
    expect(join(value, 9)).toBe(JSON.stringify(value, null, 2));
  });

  it('writes each row of the comparison of the seeds on one line', () => {
    const c = compareBatch(seedBatch());
    const text = join(c, 3);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(c)));
    const lines = text.split('\n');
    for (const row of c.targets.rows) expect(lines).toContain(`      ${JSON.stringify(row)}${row === c.targets.rows.at(-1) ? '' : ','}`);
    expect(lines.length).toBeLessThan(JSON.stringify(c, null, 2).split('\n').length / 5);
  });
});
