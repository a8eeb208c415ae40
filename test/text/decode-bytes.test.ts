import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/text/decode-bytes.js';
import { seed } from '../seeds.js';

const utf16le = (s: string, bom: boolean) => {
  const b = new Uint8Array((s.length + (bom ? 1 : 0)) * 2);
  const all = (bom ? '\ufeff' : '') + s;
  for (let i = 0; i < all.length; i++) {
    b[2 * i] = all.charCodeAt(i) & 0xff;
    b[2 * i + 1] = all.charCodeAt(i) >> 8;
  }
  return b;
};

describe('decodeBytes', () => {
  const text = seed(0).text.slice(0, 400);
  it('reads UTF-8 and keeps a BOM so offsets match other readers', () => {
    const bytes = new TextEncoder().encode('\ufeff' + text);
    const r = decodeBytes(bytes);
    expect(r.encoding).toBe('utf-8');
    expect(r.text).toBe('\ufeff' + text);
  });
  it('reads UTF-16 with and without a BOM', () => {
    expect(decodeBytes(utf16le(text, true)).text).toBe('\ufeff' + text);
    expect(decodeBytes(utf16le('abc 全民科学素质 plan text', false)).encoding).toBe('utf-16le');
  });
  it('reads GB18030 (GBK) bytes that are not UTF-8 and says so', () => {
    // 兰州市 in GBK
    const r = decodeBytes(new Uint8Array([0xc0, 0xbc, 0xd6, 0xdd, 0xca, 0xd0]));
    expect(r.text).toBe('兰州市');
    expect(r.encoding).toBe('gb18030');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['input/decoded-legacy-encoding']);
  });
  it('reports empty and binary input as errors, naming the source', () => {
    expect(decodeBytes(new Uint8Array(), 'a.txt').diagnostics[0]).toMatchObject({ code: 'input/empty', severity: 'error', source: 'a.txt' });
    const bin = new Uint8Array(512).map((_, i) => (i * 37 + 11) % 256);
    const r = decodeBytes(bin, 'b.bin');
    expect(r.text).toBeNull();
    expect(r.diagnostics[0]!.code).toMatch(/input\/(binary|unreadable)/u);
  });
});
