const DIGIT: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, '○': 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const SMALL_UNIT: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNIT: Readonly<Record<string, number>> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

/** A plain Arabic figure: the common case, read directly. */
const PLAIN = /^\d+(?:\.\d+)?$/u;
/** An Arabic figure (with optional thousands separators and decimals) at the start of the rest. */
const ARABIC = /^(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?/u;

type Token = { kind: 'digit'; value: number; arabic: boolean } | { kind: 'small' | 'big'; value: number } | { kind: 'zero' };

/**
 * Reads a number written with Arabic figures, Chinese numerals or a mix of both, with the 万/亿
 * multipliers used in plans. Returns null when the whole string is not a number (`十四五`, `几`, `2.0版`).
 * Linear in the length of `s`.
 *
 * Handles `7`, `1,000`, `18.5`, `2万` (20000), `1.5亿`, `三`, `两`, `十二`, `二十`, `一千二百`, `一百零五`,
 * the colloquial `一千二` (1200), digit strings `二〇二五` (2025) and `一点五` (1.5).
 *
 * @example
 * parseChineseNumber('2万');      // 20000
 * parseChineseNumber('一千二百'); // 1200
 * parseChineseNumber('十四五');   // null
 */
export function parseChineseNumber(s: string): number | null {
  if (typeof s !== 'string') throw new TypeError('parseChineseNumber: expected a string');
  if (PLAIN.test(s)) return Number(s);
  const str = s.trim().replace(/[０-９．，]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (str === '') return null;
  const point = str.indexOf('点');
  if (point >= 0) return withChineseDecimals(str.slice(0, point), str.slice(point + 1));
  const tokens = tokenize(str);
  return tokens ? evaluate(tokens) : null;
}

function tokenize(str: string): Token[] | null {
  const tokens: Token[] = [];
  let i = 0;
  while (i < str.length) {
    const ch = str[i]!;
    if (ch >= '0' && ch <= '9') {
      const m = ARABIC.exec(str.slice(i));
      if (!m) return null;
      tokens.push({ kind: 'digit', value: Number(m[0].replace(/,/gu, '')), arabic: true });
      i += m[0].length;
      continue;
    }
    const d = DIGIT[ch];
    if (d === 0) tokens.push({ kind: 'zero' });
    else if (d !== undefined) tokens.push({ kind: 'digit', value: d, arabic: false });
    else if (SMALL_UNIT[ch] !== undefined) tokens.push({ kind: 'small', value: SMALL_UNIT[ch] });
    else if (BIG_UNIT[ch] !== undefined) tokens.push({ kind: 'big', value: BIG_UNIT[ch] });
    else return null;
    i++;
  }
  return tokens;
}

function evaluate(tokens: Token[]): number | null {
  const hasUnit = tokens.some((t) => t.kind === 'small' || t.kind === 'big');
  if (!hasUnit) return digitString(tokens);
  let total = 0;
  let section = 0;
  let pending: number | null = null;
  let lastUnit = 0;
  let afterZero = false;
  for (const t of tokens) {
    switch (t.kind) {
      case 'zero':
        if (pending !== null) return null;
        afterZero = true;
        break;
      case 'digit':
        if (pending !== null) return null;
        if (t.arabic && !Number.isInteger(t.value) && section + total > 0) return null;
        pending = t.value;
        break;
      case 'small':
        if (lastUnit !== 0 && lastUnit <= t.value && pending === null) return null;
        section += (pending ?? 1) * t.value;
        pending = null;
        lastUnit = t.value;
        afterZero = false;
        break;
      case 'big':
        section += pending ?? 0;
        if (section === 0 && total === 0) section = 1;
        if (t.value > 1e4 || total === 0 || total < t.value) total = (total + section) * t.value;
        else total += section * t.value;
        section = 0;
        pending = null;
        lastUnit = t.value;
        afterZero = false;
        break;
    }
  }
  if (pending !== null) {
    // 一千二 = 1200, 一万五 = 15000: a trailing digit right after a unit counts in the next lower unit.
    const implied = !afterZero && lastUnit >= 100 ? lastUnit / 10 : 1;
    section += pending * implied;
  }
  return tidy(total + section);
}

/** 二〇二五, 7, 18.5: digits without units. */
function digitString(tokens: Token[]): number | null {
  if (tokens.length === 1) {
    const t = tokens[0]!;
    return t.kind === 'digit' ? t.value : t.kind === 'zero' ? 0 : null;
  }
  let out = '';
  for (const t of tokens) {
    if (t.kind === 'zero') out += '0';
    else if (t.kind === 'digit' && !t.arabic) out += String(t.value);
    else return null;
  }
  return Number(out);
}

function withChineseDecimals(intPart: string, frac: string): number | null {
  const whole = intPart === '' ? null : parseChineseNumber(intPart);
  if (whole === null || frac === '') return null;
  let digits = '';
  for (const ch of frac) {
    const d = DIGIT[ch];
    if (d === undefined) return null;
    digits += String(d);
  }
  return tidy(Number(`${whole}.${digits}`));
}

/** Removes binary noise from decimal arithmetic (1.2 × 1e4). */
function tidy(n: number): number {
  return Number(n.toPrecision(12));
}
