import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FULLWIDTH_ASCII, foldWidths } from '../../src/text/fold-width.js';
import { seedFiles } from '../seeds.js';

const byReplace = (t: string) => t.replace(FULLWIDTH_ASCII, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));

describe('foldWidths', () => {
  it('folds as the replace does, on the seeds', () => {
    for (const { text } of seedFiles()) expect(foldWidths(text)).toBe(byReplace(text));
  });

  it('folds as the replace does on any text, BOMs, lone surrogates and the range ends included', () => {
    const units = ['\uff01', '\uff5e', '\uff00', '\uff5f', '\uff0c', '\uff08', '\uff09', '\ufeff', '\u3000', 'a', ',', '科', '\ud83d', '\ude00', '😀', '\n'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...units), { maxLength: 30 }).map((a) => a.join('')), (t) => {
        expect(foldWidths(t)).toBe(byReplace(t));
      }),
      { numRuns: 20000 },
    );
  });

  it('gives the text itself when there is nothing to fold', () => {
    const t = '科学素质,2025年';
    expect(foldWidths(t)).toBe(t);
  });

  it('folds a text longer than its buffer', () => {
    const t = '科，'.repeat(300_000) + '\ufeff';
    expect(foldWidths(t)).toBe(byReplace(t));
  });
});
