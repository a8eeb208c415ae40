import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunked } from '../../src/cli/chunked.js';

const decoder = new TextDecoder();
const concat = (chunks: Uint8Array[]) => Buffer.concat(chunks.map((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength)));

describe('chunked (how the CLI writes large outputs)', () => {
  it('gives the UTF-8 of the text pieces joined, bytes pieces in their places, in chunks of about a megabyte', () => {
    // Pieces as a report's are: Chinese text, ASCII, characters outside the BMP, bytes rendered elsewhere.
    const text = fc.string({ unit: fc.constantFrom('科', '学', '素', '质', 'a', '"', ',', '\n', '𠀀', '😀'), maxLength: 400 });
    const piece = fc.oneof({ weight: 4, arbitrary: text }, { weight: 1, arbitrary: text.map((s) => new TextEncoder().encode(s)) });
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 3000 }), (pieces, repeat, short) => {
        // After a filler just short of the point where a run of text is encoded (half a million units),
        // so that the pieces cross it.
        const all = ['x'.repeat((1 << 19) - short), ...Array.from({ length: repeat }, () => pieces).flat()];
        const chunks = [...chunked(all)];
        const expected = all.map((p) => (typeof p === 'string' ? p : decoder.decode(p))).join('');
        expect(decoder.decode(concat(chunks))).toBe(expected);
        for (const c of chunks.slice(0, -1)) expect(c.length).toBeGreaterThanOrEqual(1 << 20);
      }),
      { numRuns: 40 },
    );
  });

  it('keeps a pair of surrogates whole when the pieces split it, at the point where text is encoded too', () => {
    const emoji = '😀';
    for (const before of [(1 << 19) - 1, 1 << 19, 10]) {
      const pieces = ['x'.repeat(before) + emoji[0], emoji[1]! + 'y'];
      const bytes = concat([...chunked(pieces)]);
      expect(bytes.subarray(bytes.length - 5)).toEqual(Buffer.from(`${emoji}y`));
      expect(decoder.decode(bytes)).toBe(`${'x'.repeat(before)}${emoji}y`);
    }
  });
});
