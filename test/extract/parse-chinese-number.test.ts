import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseChineseNumber } from '../../src/extract/parse-chinese-number.js';

describe('parseChineseNumber', () => {
  it.each([
    ['7', 7],
    ['1000', 1000],
    ['1,000', 1000],
    ['18.5', 18.5],
    ['2万', 20000],
    ['10万', 100000],
    ['1.5亿', 150000000],
    ['1.2万', 12000],
    ['3千', 3000],
    ['2万5千', 25000],
    ['三', 3],
    ['两', 2],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['一百零五', 105],
    ['一千二百', 1200],
    ['一千零二十', 1020],
    ['一千二', 1200],
    ['一万五', 15000],
    ['三万', 30000],
    ['五千万', 50000000],
    ['一亿二千万', 120000000],
    ['二〇二五', 2025],
    ['一点五', 1.5],
    ['壹佰', 100],
    [' 50 ', 50],
  ])('%s → %d', (s, n) => {
    expect(parseChineseNumber(s)).toBe(n);
  });

  it.each(['', '十四五', '几', '数十', '2.0版', 'abc', '一点', '十十', '1.2.3', '第一'])('%s → null', (s) => {
    expect(parseChineseNumber(s)).toBeNull();
  });

  it('throws only on API misuse', () => {
    expect(() => parseChineseNumber(3 as unknown as string)).toThrow(TypeError);
  });

  it('reads back every integer written in standard Chinese numerals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), (n) => {
        expect(parseChineseNumber(toChinese(n))).toBe(n);
        expect(parseChineseNumber(String(n))).toBe(n);
      }),
    );
  });
});

const DIGITS = '零一二三四五六七八九';

/** Standard Chinese numerals (一亿零三百万零五, 十二 rather than 一十二). */
function toChinese(n: number): string {
  if (n === 0) return '零';
  const section = (x: number): string => {
    const units = ['', '十', '百', '千'];
    let out = '';
    let zero = false;
    for (let i = 3; i >= 0; i--) {
      const d = Math.floor(x / 10 ** i) % 10;
      if (d === 0) {
        if (out !== '') zero = true;
        continue;
      }
      if (zero) out += '零';
      zero = false;
      out += DIGITS[d]! + units[i]!;
    }
    return out;
  };
  const parts: [number, string][] = [
    [Math.floor(n / 1e8), '亿'],
    [Math.floor(n / 1e4) % 1e4, '万'],
    [n % 1e4, ''],
  ];
  let out = '';
  let pendingZero = false;
  for (const [x, unit] of parts) {
    if (x === 0) {
      if (out !== '') pendingZero = true;
      continue;
    }
    if (out !== '' && (pendingZero || x < 1000)) out += '零';
    pendingZero = false;
    out += section(x) + unit;
  }
  return out.startsWith('一十') ? out.slice(1) : out;
}
