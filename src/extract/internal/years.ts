import { YEAR_PHRASE } from './patterns.js';
import { execAll } from './exec-all.js';
import { unnamed } from './unnamed.js';

/** YEAR_PHRASE without group names (a match costs a third), its groups read by number. */
const PHRASE = unnamed(YEAR_PHRASE);
const PRE = PHRASE.group('pre');
const Y = PHRASE.group('y');
const POST = PHRASE.group('post');
const PRE5 = PHRASE.group('pre5');
const FY = PHRASE.group('fy');

export interface YearPhrase {
  year: number;
  start: number;
  end: number;
  /** Introduced by 到/至: a deadline ahead, not a date already past. */
  future: boolean;
  /** Ends with 末/底/期末: the end of a year or of a five-year plan. */
  endOf: boolean;
  /** Introduced by 截至/截止: a state at a date. */
  asOf: boolean;
}

const FIVE_YEAR_END: Readonly<Record<string, number>> = { 一: 2010, 二: 2015, 三: 2020, 四: 2025, 五: 2030, 六: 2035 };

/** The five-year plan ending at `fy` (十四五 → 2025) as years. */
export function fiveYearPlanEnd(fy: string): number | null {
  return FIVE_YEAR_END[fy] ?? null;
}

/**
 * Year phrases in [start, end) of `text`, in order. Range ends (`2021-2025年`) are skipped: they
 * name a period, not a point in time.
 */
export function findYearPhrases(text: string, start: number, end: number): YearPhrase[] {
  const out: YearPhrase[] = [];
  const slice = text.slice(start, end);
  // Every phrase holds 年 (2025年) or 十 (十四五末): most clauses without either are passed at once.
  if (!slice.includes('年') && !slice.includes('十')) return out;
  for (const m of execAll(PHRASE.re, slice)) {
    const at = start + m.index;
    const pre = m[PRE];
    if (m[Y] !== undefined) {
      const before = text[at - 1] ?? '';
      if (!pre && /[\d\-—–~～]/u.test(before)) continue;
      if ((pre === '至' || pre === '到') && /\d/u.test(before)) continue;
      out.push({
        year: Number(m[Y]),
        start: at,
        end: at + m[0].length,
        future: pre === '到' || pre === '至',
        endOf: m[POST] === '底' || m[POST] === '末',
        asOf: pre !== undefined && pre.startsWith('截'),
      });
    } else {
      const year = fiveYearPlanEnd(m[FY]!);
      if (year === null) continue;
      out.push({ year, start: at, end: at + m[0].length, future: m[PRE5] === '到', endOf: true, asOf: false });
    }
  }
  return out;
}

/** Right before a year: 比2020年, 较(之)2020年, 相比2020年, 相对于2020年, 由2020年 — the year a change is measured from (not 占比2020年…). */
const REFERENCE_BEFORE = /(?:(?<!占)比|较之?|相较于?|相比于?|相对于?|由) ?$/u;
/**
 * Right after a year, its own value between: 在2020年(8.5%的)基础(之)上, 在2020年20个的基础上, 与2020年(同期)相比,
 * 以2020年为基数.
 */
const REFERENCE_AFTER =
  /^ ?的?(?:[(（]?\d{1,6}(?:\.\d{1,4})?(?:[%％]|[万亿]?[\p{Script=Han}]{0,2})[)）]?的?)?(?:水平)?的?(?:基础之?上|水平上|(?:同期)?相比|相较|比较|为基数|为基准|为基期)/u;
/** After a year, a start (由2022年起): not a reference. */
const START_AFTER = /^ ?(?:起|开始|以来)/u;
/** A change or a target word between a year and a figure: the figure is not that year's own value. */
const CHANGE_BETWEEN = /提高|提升|增长|增加|新增|上升|下降|减少|降低|翻|达到|力争|争取/u;

/**
 * The year that dates a figure at `pos`: the year phrase nearest before it within [floor, pos), passing
 * over a year a change is measured from when a change or a target word stands between it and the figure
 * (比2020年提高5个百分点,达到15%: 15% is not 2020's; 在2020年基础上增加10个), not when the figure is that
 * year's own value (比2020年的10.5%, 在2020年8.5%的基础上). Null when there is none.
 */
export function datingYear(text: string, floor: number, pos: number): YearPhrase | null {
  const all = findYearPhrases(text, floor, pos);
  for (let i = all.length - 1; i >= 0; i--) {
    const y = all[i]!;
    const between = text.slice(y.end, pos);
    const after = text.slice(y.end, y.end + 16);
    const reference = (REFERENCE_BEFORE.test(text.slice(Math.max(floor, y.start - 4), y.start)) && !START_AFTER.test(after)) || REFERENCE_AFTER.test(after);
    if (!reference || !CHANGE_BETWEEN.test(between)) return y;
  }
  return null;
}
