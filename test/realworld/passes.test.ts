import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as OpenCC from 'opencc-js';
import { mapIdentity, toOriginalSpan, type MappedText } from '../../src/text/mapped-text.js';
import { normalizeText } from '../../src/text/normalize-text.js';
import { looksTraditional, simplify, simplifyIfTraditional, toSimplified, traditionalShare } from '../../src/text/passes/to-simplified.js';
import { pinyinKind, stripPinyin } from '../../src/text/passes/strip-pinyin.js';
import { detectMojibake } from '../../src/text/passes/detect-mojibake.js';
import { seedFiles } from '../seeds.js';
import { toTraditional, toTraditionalHk } from './variants.js';

const norm = (t: string) => normalizeText(t, { passes: [simplifyIfTraditional, stripPinyin] }).mt.text;

/** Every unit of the derived text maps to a range inside the original, in order. */
function expectMapInRange(mt: MappedText, originalLength: number): void {
  expect(mt.starts.length).toBe(mt.text.length);
  expect(mt.ends.length).toBe(mt.text.length);
  let prev = 0;
  for (let i = 0; i < mt.text.length; i++) {
    const s = mt.starts[i]!;
    const e = mt.ends[i]!;
    expect(s).toBeGreaterThanOrEqual(0);
    expect(e).toBeLessThanOrEqual(originalLength);
    expect(e).toBeGreaterThanOrEqual(s);
    expect(s).toBeGreaterThanOrEqual(prev);
    prev = s;
  }
}

describe('toSimplified', () => {
  it('converts Taiwan and Hong Kong traditional text, and gives what OpenCC gives', () => {
    const tw2cn = OpenCC.Converter({ from: 'tw', to: 'cn' });
    for (const s of seedFiles()) {
      const tw = toTraditional(s.text);
      expect(toSimplified(mapIdentity(tw)).text).toBe(tw2cn(tw));
      const hk = toTraditionalHk(s.text);
      expect(toSimplified(mapIdentity(hk)).text.length).toBe(s.text.length);
    }
    expect(simplify('實施青少年科學素質提升行動')).toBe('实施青少年科学素质提升行动');
    expect(simplify('臺灣的軟體與裡面的麵條')).toBe('台湾的软体与里面的面条');
  });

  it('maps every converted character back to its source character', () => {
    const original = '一、實施「青少年科學素質」提升行動(2022-2025年)';
    const mt = toSimplified(mapIdentity(original));
    expect(mt.text).toBe('一、实施「青少年科学素质」提升行动(2022-2025年)');
    const at = mt.text.indexOf('科学素质');
    const sp = toOriginalSpan(mt, at, at + 4);
    expect(original.slice(sp.start, sp.end)).toBe('科學素質');
  });

  it('maps a phrase whose length changes as one run', () => {
    // OpenCC's TSCharacters have no length-changing entries; a compatibility ideograph outside the
    // BMP (U+2F800 → U+4E3D, two code units to one) exercises the one-run path.
    const original = '甲\u{2F800}乙學';
    const mt = toSimplified(mapIdentity(original));
    expect(mt.text).toBe('甲丽乙学'.replace('丽', '\u4e3d'));
    const sp = toOriginalSpan(mt, 1, 2);
    expect(sp).toEqual({ start: 1, end: 3 });
    expect(toOriginalSpan(mt, 3, 4)).toEqual({ start: 4, end: 5 });
  });

  it('leaves simplified text alone, as the same object', () => {
    const mt = mapIdentity('全民科学素质行动 ABC 123');
    expect(toSimplified(mt)).toBe(mt);
  });

  it('tells traditional from simplified', () => {
    for (const s of seedFiles()) {
      expect(looksTraditional(s.text)).toBe(false);
      expect(traditionalShare(s.text)).toBeLessThan(0.01);
      expect(looksTraditional(toTraditional(s.text))).toBe(true);
      expect(looksTraditional(toTraditionalHk(s.text))).toBe(true);
    }
    expect(looksTraditional('全民科學素質行動規劃綱要')).toBe(true);
    expect(looksTraditional('全民科学素质行动规划纲要')).toBe(false);
    expect(looksTraditional('')).toBe(false);
    expect(looksTraditional('ABC 2025')).toBe(false);
  });
});

describe('stripPinyin', () => {
  it('removes tone-marked, tone-numbered and spaced pinyin after characters', () => {
    expect(norm('素質(zhì)')).toBe('素质');
    expect(norm('科(kē)學(xué)素质（zhì）')).toBe('科学素质');
    expect(norm('科学 (kē xué)普及')).toBe('科学普及');
    expect(norm('科(ke1)学(xue2)')).toBe('科学');
    expect(norm('西安(xī\'ān)市')).toBe('西安市');
    expect(norm('绿(lǜ)色')).toBe('绿色');
    expect(norm('科学(kēxué)')).toBe('科学');
  });

  it('never touches years, ordinals, notes or abbreviations', () => {
    const keep = [
      '实施方案(2022-2025年)',
      '(一)指导思想',
      '开展活动(责任单位:市科协)',
      '科学、技术、工程、数学(STEM)教育',
      '人工智能(AI)应用',
      '科普(kepu)网站',
      '达到(15%)',
      '计划(试行)',
      'ab(kē)',
      '(kē)开头',
    ];
    for (const k of keep) expect(norm(k)).toBe(k);
  });

  it('removes what the look-behind pattern and pinyinKind say, on any text of brackets, pinyin and characters', () => {
    // The reference: the pattern its doc comment gives, tried at every position, and pinyinKind on each content.
    const PATTERN = /(?<=[\p{Script=Han}〇])([ \t\u00a0\u3000]*)\(([^()\n]{1,60})\)/gu;
    const reference = (t: string): string => {
      const toned: [number, number][] = [];
      const bare: [number, number][] = [];
      for (const m of t.matchAll(PATTERN)) {
        const kind = pinyinKind(m[2]!);
        if (kind !== null) (kind === 'toned' ? toned : bare).push([m.index, m.index + m[0].length]);
      }
      const cut = (toned.length >= 3 ? [...toned, ...bare] : toned).sort((x, y) => x[0] - y[0]);
      let out = '';
      let pos = 0;
      for (const [s, e] of cut) {
        out += t.slice(pos, s);
        pos = e;
      }
      return out + t.slice(pos);
    };
    const pieces = ['科', '学', '〇', '𠀀', '(', ')', '(kē)', '(xué)', '(ke1)', '(xue)', 'kē', 'xu', 'é', 'e\u0301', ' ', '\u3000', '\n', '2022', '年', '一', '、', 'STEM', '\u4e00', '\u9fff', '\u3400'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 24 }).map((x) => x.join('')), (t) => {
        expect(stripPinyin(mapIdentity(t)).text).toBe(reference(t));
      }),
      { numRuns: 20000 },
    );
    for (const { text } of seedFiles()) expect(stripPinyin(mapIdentity(text)).text).toBe(reference(text));
  });

  it('removes bare syllables only when the text has toned ones too', () => {
    expect(norm('科(ke)学')).toBe('科(ke)学');
    expect(norm('科(ke)学(xué)素(sù)质(zhì)行(xing)动')).toBe('科学素质行动');
  });

  it('reads what is pinyin', () => {
    expect(pinyinKind('kē xué')).toBe('toned');
    expect(pinyinKind('zhong1 guo2')).toBe('toned');
    expect(pinyinKind('xue')).toBe('bare');
    expect(pinyinKind('a')).toBeNull();
    expect(pinyinKind('STEM')).toBeNull();
    expect(pinyinKind('2022')).toBeNull();
    expect(pinyinKind('kepu')).toBeNull();
    expect(pinyinKind('')).toBeNull();
  });
});

describe('detectMojibake', () => {
  const kinds = (t: string) => {
    const { mt } = normalizeText(t);
    return detectMojibake(mt).map((r) => [r.kind, t.slice(r.start, r.end)]);
  };
  it('finds lost digits and characters without guessing them', () => {
    expect(kinds('到?025年,比例达到15%')).toEqual([['lost-character', '?025']]);
    expect(kinds('到20?5年')).toEqual([['lost-character', '20?5']]);
    expect(kinds('到202?年')).toEqual([['lost-character', '202?']]);
    expect(kinds('到２０２５？年')).toEqual([['lost-character', '２０２５？']]);
    expect(kinds('全民科学素?行动')).toEqual([['lost-character', '?']]);
    expect(kinds('全民科学??行动')).toEqual([['lost-character', '??']]);
  });
  it('does not flag real question marks', () => {
    expect(kinds('怎么办?1.加强领导')).toEqual([]);
    expect(kinds('是否达到目标吗?因为')).toEqual([]);
    expect(kinds('问题在哪里?\n2025年')).toEqual([]);
  });
  it('finds decoder damage', () => {
    expect(kinds('全民锟斤拷锟斤拷科学')).toEqual([['kunkao', '锟斤拷锟斤拷']]);
    expect(kinds('科学烫烫烫烫素质')).toEqual([['uninitialised', '烫烫烫烫']]);
    expect(kinds('科学\ufffd\ufffd素质')).toEqual([['replacement-character', '\ufffd\ufffd']]);
    const latin1 = new TextDecoder('latin1').decode(new TextEncoder().encode('全民科学'));
    expect(kinds(`标题:${latin1}。`)).toEqual([['utf8-as-latin1', latin1]]);
    const gbk = new TextDecoder('gbk').decode(new TextEncoder().encode('全民科学素质，行动“纲要”。实施、方案，'));
    expect(kinds(gbk).map((k) => k[0])).toContain('utf8-as-gbk');
  });
  it('finds nothing in the seeds', () => {
    for (const s of seedFiles()) expect(detectMojibake(normalizeText(s.text).mt)).toEqual([]);
  });
});

describe('properties on arbitrary strings', () => {
  const alphabet = fc.constantFrom(
    ...'科學素質行動規劃綱要实施方案一二(())（）kēxuézhì 12345?\n\r\t\u3000\ufeff锟斤拷烫ä¸­æ–‡锛銆鈥\ufffdSTEMa-'.split(''),
    '\u{2F800}',
    '\u{20000}',
    '\ud800',
  );
  const texts = fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: alphabet, maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 40 }));

  it('the passes never throw and keep the offset map in range', () => {
    fc.assert(
      fc.property(texts, (s) => {
        for (const pass of [toSimplified, stripPinyin, simplifyIfTraditional]) {
          const mt = pass(mapIdentity(s));
          expectMapInRange(mt, s.length);
        }
        const { mt } = normalizeText(s, { passes: [toSimplified, stripPinyin] });
        expectMapInRange(mt, s.length);
        for (let i = 0; i < mt.text.length; i += 3) {
          const sp = toOriginalSpan(mt, i, i + 2);
          expect(sp.start).toBeGreaterThanOrEqual(0);
          expect(sp.end).toBeLessThanOrEqual(s.length);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('detectMojibake never throws and gives ordered spans inside the original', () => {
    fc.assert(
      fc.property(texts, (s) => {
        const runs = detectMojibake(normalizeText(s, { passes: [toSimplified, stripPinyin] }).mt);
        let prev = 0;
        for (const r of runs) {
          expect(r.start).toBeGreaterThanOrEqual(prev);
          expect(r.end).toBeGreaterThanOrEqual(r.start);
          expect(r.end).toBeLessThanOrEqual(s.length);
          prev = r.start;
        }
      }),
      { numRuns: 400 },
    );
  });

  it('toSimplified is deterministic and idempotent on its output', () => {
    fc.assert(
      fc.property(texts, (s) => {
        const a = toSimplified(mapIdentity(s)).text;
        expect(toSimplified(mapIdentity(s)).text).toBe(a);
        expect(simplify(s)).toBe(a);
      }),
      { numRuns: 200 },
    );
  });
});
