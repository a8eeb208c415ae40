import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeBytes, strictUtf8 } from '../../src/text/decode-bytes.js';
import { seed, seedFiles } from '../seeds.js';
import { loadPlanFromBytes, loadPlanFromJson } from '../../src/load/load-plan.js';
import { encodeGb18030 } from '../realworld/variants.js';

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
  it('reads UTF-8 with a damaged byte or cut inside a character as UTF-8, the bad bytes as U+FFFD', () => {
    for (const s of seedFiles()) {
      const whole = new TextEncoder().encode(s.text.trimEnd() + '。');
      const want = loadPlanFromBytes(whole, s.file);
      const damaged = whole.slice();
      damaged[300] = 0xff;
      const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...whole]);
      // A long ASCII opening (an English header, a table of figures) and then a bad byte: UTF-8 all the same.
      const asciiFirst = new Uint8Array([...new TextEncoder().encode(`${'-'.repeat(9000)}\n`), 0xff, ...whole]);
      // An ASCII opening (a page's styles) ending so that the 4 KB mark cuts a character; one bad byte at the end.
      const cut = (n: number) => new Uint8Array([...new TextEncoder().encode(`${'-'.repeat(n)}${s.text}`), 0xff]);
      for (const bytes of [whole.subarray(0, whole.length - 1), damaged, withBom.subarray(0, withBom.length - 1), asciiFirst, cut(4094), cut(4095)]) {
        const r = decodeBytes(bytes, s.file);
        expect(r.encoding).toBe('utf-8');
        expect(r.diagnostics.map((d) => d.code)).toEqual(['input/replacement-characters']);
        const got = loadPlanFromBytes(bytes, s.file);
        expect(got.plan!.region?.name).toBe(want.plan!.region?.name);
        expect(got.plan!.sections.map((x) => x.title)).toEqual(want.plan!.sections.map((x) => x.title));
      }
    }
  });
  it('reads short lines joined by vertical tabs as text, not binary', () => {
    const s = seedFiles()[0]!;
    const flat = s.text.replace(/\s+/gu, '');
    const lines = flat.match(/.{1,15}/gsu)!.join('\v');
    const r = decodeBytes(new TextEncoder().encode(lines), 'vt.txt');
    expect(r.text).toBe(lines);
    expect(r.diagnostics).toEqual([]);
  });
  it('reads a text that opens with { as text when it is named .txt or is no JSON, and a model as a model', () => {
    const s = seedFiles()[0]!;
    const text = `{附件}\n${s.text}`;
    for (const name of ['plan.txt', '<stdin>']) {
      const r = loadPlanFromBytes(new TextEncoder().encode(text), name);
      expect(r.diagnostics.map((d) => d.code)).not.toContain('input/bad-json');
      expect(r.plan?.region?.name).toBe('兰州市');
    }
    const model = loadPlanFromBytes(new TextEncoder().encode(s.text), 'lz.txt').plan!;
    expect(loadPlanFromBytes(new TextEncoder().encode(JSON.stringify(model)), '<stdin>').plan?.region?.name).toBe('兰州市');
    expect(loadPlanFromBytes(new TextEncoder().encode('{ "broken": '), 'model.json').diagnostics.map((d) => d.code)).toContain('input/bad-json');
  });
  it('refuses a JSON model whose spans, period, years or figures cannot be, naming each path', () => {
    const s = seedFiles()[0]!;
    const model = loadPlanFromBytes(new TextEncoder().encode(s.text), s.file).plan!;
    expect(loadPlanFromJson(JSON.stringify(model), 'ok.json').diagnostics).toEqual([]);
    const bad = structuredClone(model);
    bad.period = { ...bad.period!, start: 2030, end: 2020 };
    bad.targets[0]!.year = 3000;
    bad.sections[0]!.span = { start: 0, end: bad.textLength + 5 };
    bad.sections[1]!.measures[0]!.span = { start: bad.textLength + 1, end: bad.textLength + 3 };
    bad.indicators[0]!.value = -50;
    const r = loadPlanFromJson(JSON.stringify(bad), 'bad.json');
    expect(r.plan).toBeNull();
    expect(r.diagnostics.map((d) => [d.code, d.path?.join('.')])).toEqual([
      ['input/bad-model', 'period'],
      ['input/bad-model', 'targets.0.year'],
      ['input/bad-model', 'indicators.0.value'],
      ['input/bad-model', 'sections.0.span'],
      ['input/bad-model', 'sections.1.measures.0.span'],
    ]);
    expect(r.diagnostics[0]!.message).toBe('bad.json: period: the period runs backwards (2030–2020)');
    // What the parser itself reads always loads back: a 1930 figure, a target of 150% as stated.
    const odd = s.text.replace('到2025年', '截至1930年,全市建成科普示范基地达到15个。到2025年').replace(/比例达到 ?15%/u, '比例达到150%');
    const parsed = loadPlanFromBytes(new TextEncoder().encode(odd), 'odd.txt').plan!;
    expect(parsed.indicators.some((i) => i.year === 1930) || parsed.targets.some((t) => t.value === 150)).toBe(true);
    expect(loadPlanFromJson(JSON.stringify(parsed), 'odd.json').diagnostics).toEqual([]);
  });
  it('still reads every seed written in GB18030 as GB18030', () => {
    for (const s of seedFiles()) {
      const r = decodeBytes(encodeGb18030(s.text), s.file);
      expect(r.encoding).toBe('gb18030');
      expect(r.text).toBe(s.text);
    }
  });
  it('reports empty and binary input as errors, naming the source', () => {
    expect(decodeBytes(new Uint8Array(), 'a.txt').diagnostics[0]).toMatchObject({ code: 'input/empty', severity: 'error', source: 'a.txt' });
    const bin = new Uint8Array(512).map((_, i) => (i * 37 + 11) % 256);
    const r = decodeBytes(bin, 'b.bin');
    expect(r.text).toBeNull();
    expect(r.diagnostics[0]!.code).toMatch(/input\/(binary|unreadable)/u);
  });
});

describe('strictUtf8', () => {
  const platform = (b: Uint8Array): string | null => {
    try {
      return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(b);
    } catch {
      return null;
    }
  };
  // Bytes biased towards lead and continuation bytes, so that valid and broken sequences both occur.
  const byte = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0x80, max: 0xbf }), fc.constantFrom(0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff));
  it('agrees with a fatal TextDecoder on any bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 12 }), fc.array(byte, { maxLength: 12 }), (a, b) => {
      const bytes = new Uint8Array([...a, ...b]);
      expect(strictUtf8(bytes)).toBe(platform(bytes));
    }), { numRuns: 20000 });
  });
  it('agrees with a fatal TextDecoder on encoded text, whole and cut', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.nat(), (s, cut) => {
      const bytes = new TextEncoder().encode('\ufeff' + s);
      expect(strictUtf8(bytes)).toBe(platform(bytes));
      const part = bytes.subarray(0, cut % (bytes.length + 1));
      expect(strictUtf8(part)).toBe(platform(part));
    }), { numRuns: 5000 });
  });
  it('reads every code point as the platform does', () => {
    const all: number[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp += cp < 0x10000 ? 1 : 17) if (cp < 0xd800 || cp > 0xdfff) all.push(cp);
    const bytes = new TextEncoder().encode(String.fromCodePoint(...all.slice(0, 60000)) + String.fromCodePoint(...all.slice(60000)));
    expect(strictUtf8(bytes)).toBe(platform(bytes));
  });
});
