import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyEdits, mapChars, mapIdentity, toOriginalSpan, type Edit, type MappedText } from '../../src/text/mapped-text.js';
import { normalizeText } from '../../src/text/normalize-text.js';
import { seed } from '../seeds.js';

describe('mapped text', () => {
  it('maps spans through edits back to the original', () => {
    const mt = applyEdits(mapIdentity('到 2025 年,达到 15%'), [
      { start: 1, end: 2, replacement: '' },
      { start: 6, end: 7, replacement: '' },
      { start: 11, end: 12, replacement: '' },
    ]);
    expect(mt.text).toBe('到2025年,达到15%');
    const s = toOriginalSpan(mt, mt.text.indexOf('15%'), mt.text.length);
    expect('到 2025 年,达到 15%'.slice(s.start, s.end)).toBe('15%');
  });
  it('rejects overlapping edits as API misuse', () => {
    expect(() => applyEdits(mapIdentity('abcdef'), [{ start: 0, end: 3, replacement: '' }, { start: 2, end: 4, replacement: '' }])).toThrow(RangeError);
  });
  it('keeps spans inside the original for any edits', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.array(fc.tuple(fc.nat(60), fc.nat(5), fc.string({ maxLength: 3 })), { maxLength: 6 }), (s, raw) => {
        let mt = mapChars(mapIdentity(s), (c) => c.toUpperCase().length === 1 ? c.toUpperCase() : c);
        const edits: { start: number; end: number; replacement: string }[] = [];
        let pos = 0;
        for (const [a, len, r] of [...raw].sort((x, y) => x[0] - y[0])) {
          const start = Math.max(pos, Math.min(a, s.length));
          const end = Math.min(s.length, start + len);
          edits.push({ start, end, replacement: r });
          pos = end + 1;
          if (pos > s.length) break;
        }
        mt = applyEdits(mt, edits.filter((e) => e.start <= s.length));
        for (let i = 0; i <= mt.text.length; i++) {
          const sp = toOriginalSpan(mt, i, Math.min(mt.text.length, i + 2));
          expect(sp.start).toBeGreaterThanOrEqual(0);
          expect(sp.end).toBeLessThanOrEqual(s.length);
          expect(sp.end).toBeGreaterThanOrEqual(sp.start);
        }
      }),
    );
  });
});

describe('mapped text kept as runs', () => {
  // The maps applyEdits keeps as runs against the same edits applied to plain offset arrays.
  const plain = (mt: MappedText): MappedText => ({ text: mt.text, starts: Int32Array.from(mt.starts), ends: Int32Array.from(mt.ends), originalLength: mt.originalLength });
  const editsOf = (n: number, raw: readonly [number, number, string][]) => {
    const edits: Edit[] = [];
    let pos = 0;
    for (const [a, len, r] of [...raw].sort((x, y) => x[0] - y[0])) {
      const start = Math.max(pos, Math.min(a, n));
      if (start > n) break;
      const end = Math.min(n, start + len);
      edits.push({ start, end, replacement: r });
      pos = end;
    }
    return edits;
  };
  const rawEdits = fc.array(fc.tuple(fc.nat(40), fc.nat(4), fc.string({ maxLength: 3 })), { maxLength: 8 });
  it('maps every unit and span as offset arrays do, through chains of edits', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.array(rawEdits, { minLength: 1, maxLength: 4 }), fc.boolean(), (s, chain, upper) => {
        let runs: MappedText = mapIdentity(s);
        let arrays: MappedText = plain(mapIdentity(s));
        for (const raw of chain) {
          if (upper) runs = mapChars(runs, (c) => (c.toUpperCase().length === 1 ? c.toUpperCase() : c));
          if (upper) arrays = mapChars(arrays, (c) => (c.toUpperCase().length === 1 ? c.toUpperCase() : c));
          const edits = editsOf(runs.text.length, raw);
          runs = applyEdits(runs, edits);
          arrays = applyEdits(arrays, edits);
          expect(runs.text).toBe(arrays.text);
          for (let i = 0; i <= runs.text.length; i++) {
            for (let j = i; j <= Math.min(runs.text.length, i + 3); j++) expect(toOriginalSpan(runs, i, j)).toEqual(toOriginalSpan(arrays, i, j));
          }
        }
        expect([...runs.starts]).toEqual([...arrays.starts]);
        expect([...runs.ends]).toEqual([...arrays.ends]);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('the text applyEdits makes', () => {
  it('is the edits spliced in, for any text and replacements, surrogates (paired, split or lone) and BOMs included', () => {
    const unit = fc.constantFrom('a', '科', '\ufeff', '\ud83d', '\ude00', '😀', ' ', '\n', '，');
    const str = (max: number) => fc.array(unit, { maxLength: max }).map((x) => x.join(''));
    fc.assert(
      fc.property(str(30), fc.array(fc.tuple(fc.nat(40), fc.nat(4), str(3)), { maxLength: 8 }), (s, raw) => {
        const edits: Edit[] = [];
        let pos = 0;
        for (const [a, len, r] of [...raw].sort((x, y) => x[0] - y[0])) {
          const start = Math.max(pos, Math.min(a, s.length));
          const end = Math.min(s.length, start + len);
          edits.push({ start, end, replacement: r });
          pos = end;
        }
        let spliced = '';
        let at = 0;
        for (const e of edits) {
          spliced += s.slice(at, e.start) + e.replacement;
          at = e.end;
        }
        spliced += s.slice(at);
        expect(applyEdits(mapIdentity(s), edits).text).toBe(spliced);
        expect(applyEdits(applyEdits(mapIdentity(s), [{ start: 0, end: 0, replacement: 'x' }]), edits.map((e) => ({ ...e, start: e.start + 1, end: e.end + 1 }))).text).toBe('x' + spliced);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('normalizeText', () => {
  it('folds width, drops CR, BOM and spaces between Chinese and figures, keeps Latin word spaces', () => {
    const { mt } = normalizeText('\ufeff到 2025 年，比例达到１５％\r\nSTEM education　教育');
    expect(mt.text).toBe('到2025年,比例达到15%\nSTEM education教育');
  });
  it('removes a bookmark residue, and takes no text up to a later bookmark for one never closed', () => {
    expect(normalizeText('开展[bookmark: _GoBack]科普活动').mt.text).toBe('开展科普活动');
    // `[bookmark: 科普` is no residue: its text stays (the space goes, as between any two Chinese characters), and the closed one after it goes.
    expect(normalizeText('开展[bookmark: 科普[bookmark: _Toc1]活动').mt.text).toBe('开展[bookmark:科普活动');
  });

  it('removes markup residue and says so', () => {
    const r = normalizeText('[bookmark: _GoBack] （征求意见稿）');
    expect(r.mt.text).toBe('(征求意见稿)');
    expect(r.notes.map((n) => n.code)).toEqual(['noise/markup-residue']);
  });
  it('leaves an ordinary numbered list alone', () => {
    const text = '措施如下:\n1、加强领导。\n2、完善机制。\n3、保障经费。';
    expect(normalizeText(text).mt.text).toBe(text);
  });
  it('上虞: removes the sharing site header and footer and the 16 page markers, rejoining cut words', () => {
    const { text } = seed(4);
    const r = normalizeText(text);
    expect(r.previewCut).toBe(true);
    expect(r.notes.find((n) => n.code === 'noise/page-markers')?.count).toBe(16);
    expect(r.notes.find((n) => n.code === 'noise/site-chrome')!.count).toBeGreaterThan(20);
    expect(r.mt.text).not.toMatch(/上传人|第壹文秘|展开阅读全文/u);
    expect(r.mt.text).toContain('突出科学精神引领,传递科学思想观念');
    const at = r.mt.text.indexOf('传递科学思想');
    const sp = toOriginalSpan(r.mt, at, at + 6);
    expect(text.slice(sp.start, sp.end)).toBe('传\n\n2、递科学思想');
  });
  it('中山: drops the breadcrumb and the share icons but keeps the document number line', () => {
    const r = normalizeText(seed(3).text);
    expect(r.mt.text).not.toMatch(/您现在的位置|微信二维码/u);
    expect(r.mt.text).toContain('文号:中府函〔2022〕420号');
  });
});
