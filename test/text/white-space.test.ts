import { describe, expect, it } from 'vitest';
import { isWhiteSpace } from '../../src/text/white-space.js';

describe('isWhiteSpace', () => {
  it('says what the regex \\s says, for every code unit', () => {
    const differing: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (isWhiteSpace(c) !== /\s/u.test(String.fromCharCode(c))) differing.push(c);
    expect(differing).toEqual([]);
  });
});
