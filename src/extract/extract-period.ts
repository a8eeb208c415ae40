import type { Diagnostic, Period } from '../model/index.js';
import { toOriginalSpan, type MappedText } from '../text/mapped-text.js';
import {
  CITED_NOTICE_BEFORE,
  CITING_VERB,
  PLAN_NAME_BEFORE,
  SENTENCE_END_CHAR,
  YEAR_RANGE,
} from './internal/patterns.js';
import { execAll } from './internal/exec-all.js';
import { findDeadlines, fiveYearPlans, nextPlanEnd, type Deadline } from './internal/deadlines.js';
import { sentenceEnd, sentenceStart } from './internal/text-bounds.js';
import { OUTLINE_START } from './internal/target-figures.js';
import { parseChineseNumber } from './parse-chinese-number.js';

/** How many lines after the title (or at the top) may hold the stated period. */
const TOP_LINES = 8;
/** Longer ranges are outlines (2021—2035), not implementation plans. */
const MAX_SPAN = 10;
/** How deep the search for the plan's own name with its period goes when the top has none. */
const BODY_SCAN = 4000;


interface Range {
  start: number;
  end: number;
}

/**
 * The plan's period. Stated: a range of years in the title or in the first lines after it (or at the
 * top when there is no title): `(2022-2025年)`, `（2021—2025年）`, `(20222025年)` whose dash was lost,
 * `2021年至2025年`. Ranges longer than ten years (the national outline's 2021—2035) and ranges in a
 * sentence citing other documents (根据《…(2021—2025年)》) are not the plan's. Implied: from the earliest
 * plan-end year (…0, …5) of the 到2025年 deadlines, else the latest 十X五 named, as the five-year plan
 * ending then (2025 → 2021–2025); but a text that reviews a deadline of the last plan as reached and goes
 * on to the next (到2020年…,已完成“十三五”目标。到2025年…) is the next plan's (2021–2025; see
 * `findDeadlines`). With `plan/period-implied`. None → null and `plan/no-period`.
 * `title` is a range of `mt.text`.
 *
 * @example
 * const mt = mapIdentity('兰州市全民科学素质行动规划纲要实施方案(2022-2025年)');
 * extractPeriod(mt, { start: 0, end: mt.text.length }, []);
 * // { start: 2022, end: 2025, basis: 'stated', raw: '2022-2025年', span: { start: 20, end: 30 } }
 */
export function extractPeriod(mt: MappedText, title: Range | null, diagnostics: Diagnostic[]): Period | null {
  const text = mt.text;
  const [topStart, topEnd] = topLines(text, title);
  const stated =
    (title ? (statedIn(text, title.start, title.end, 'title') ?? annualIn(text, title)) : null) ??
    statedIn(text, topStart, topEnd, 'top') ??
    statedIn(text, 0, Math.min(text.length, BODY_SCAN), 'body');
  if (stated) {
    return { start: stated.start, end: stated.end, basis: 'stated', raw: stated.raw, span: toOriginalSpan(mt, stated.at, stated.atEnd) };
  }
  const implied = impliedPeriod(text, title ? text.slice(title.start, title.end) : '');
  if (implied) {
    diagnostics.push({
      code: 'plan/period-implied',
      severity: 'info',
      message: `period ${implied.start}–${implied.end} implied by ${implied.raw}`,
      span: toOriginalSpan(mt, implied.at, implied.atEnd),
    });
    return { start: implied.start, end: implied.end, basis: 'implied', raw: implied.raw, span: toOriginalSpan(mt, implied.at, implied.atEnd) };
  }
  diagnostics.push({ code: 'plan/no-period', severity: 'warning', message: 'no period was found in the title or the text' });
  return null;
}

interface Found {
  start: number;
  end: number;
  raw: string;
  at: number;
  atEnd: number;
}

/** The range of the first lines after the title, or of the top of the text. */
function topLines(text: string, title: Range | null): [number, number] {
  const from = title ? title.end : 0;
  let end = from;
  let lines = 0;
  while (end < text.length && lines < TOP_LINES) {
    const nl = text.indexOf('\n', end);
    const lineEnd = nl < 0 ? text.length : nl;
    if (text.slice(end, lineEnd).trim() !== '') lines++;
    end = lineEnd + 1;
  }
  return [from, Math.min(end, text.length)];
}

/**
 * The first plausible range of years in [start, end). In the title any range counts; in the top lines
 * one outside a citing sentence; deeper in the text only one that follows the plan's own name
 * (`…实施方案(20222025年)为全面推进…`), outside 《》 and citations.
 */
function statedIn(text: string, start: number, end: number, where: 'title' | 'top' | 'body'): Found | null {
  const cited = citedAtFrom(text, start, end);
  for (const m of execAll(YEAR_RANGE, text.slice(start, end))) {
    const g = m.groups!;
    const a = Number(g['a']);
    const b = Number(g['b']);
    if (b <= a || b - a > MAX_SPAN) continue;
    const at = start + m.index;
    if (where !== 'title' && cited(at)) continue;
    if (where === 'body' && (!PLAN_NAME_BEFORE.test(text.slice(Math.max(0, at - 6), at)) || insideTitle(text, at))) continue;
    return { start: a, end: b, raw: m[0], at, atEnd: at + m[0].length };
  }
  return null;
}

/**
 * One year in a title (2023年, 2023年度), not of a range, nor one aimed at or before (面向2035年, 2035年远景目标,
 * 2025年前, 到2025年).
 */
const TITLE_YEAR =
  /(?<![\d\-—–~～至到]|面向|迈向|展望)(?:19|20)\d{2}(?=年)(?!年?[\-—–~～至到]{1,2}(?:19|20)\d{2})(?!年(?:前|以前|之前|远景|愿景|修订|版))/gu;
/** A plan for one year: 工作要点, 工作计划, or a 方案/计划 of one year (2023年…行动方案). */
const ANNUAL_TITLE = /(?:工作要点|工作计划|实施方案|行动方案|工作方案|实施计划|行动计划|任务清单)$/u;
/** The year of a plan in brackets after its name (…三年行动方案(2022年)). */
const YEAR_AFTER_NAME = /[(（](?:19|20)\d{2}年度?[)）]$/u;
/** A five-year plan named in a title (“十四五”). */
const FIVE_YEAR_PLAN = /十[一二三四五六七八九]五/u;
/** A plan of several years (2023年…三年行动方案): its first year only is named (read as 2023–2025). */
const SEVERAL_YEARS = /[两二三四五六七八九十]年(?:行动|攻坚|规划|计划|工作|实施)/u;
/** A year in Chinese digits (二〇二三年, 二○二二年度). */
const CN_YEAR = /[一二][〇○零一二三四五六七八九]{3}(?=年)/gu;
/** A draft's or a trial's mark after a title (征求意见稿, 试行). */
const DRAFT_MARK = /[(（](?:征求意见稿|意见征求稿|草案|送审稿|讨论稿|修改稿|试行|暂行)[)）]$/u;

/**
 * The year of a plan for one year, from its title (某某市2023年全民科学素质工作要点 → 2023–2023): the title
 * names one year and ends as a plan does (a draft's mark aside), not one of several years. (A 十四五 the
 * text names for the plans it serves is not its period.)
 */
function annualIn(text: string, title: Range): Found | null {
  // A year in Chinese digits (二〇二三年) as one in figures: each digit one code unit, the offsets stay.
  const t = text.slice(title.start, title.end).replace(DRAFT_MARK, '').replace(CN_YEAR, (y) => String(parseChineseNumber(y)));
  const bracketed = YEAR_AFTER_NAME.test(t);
  if (!ANNUAL_TITLE.test(t.replace(YEAR_AFTER_NAME, ''))) return null;
  // (A year in brackets after the name of a 十四五 plan (“十四五”…实施方案(2022年)) is no year of a plan for one year.)
  if (bracketed && FIVE_YEAR_PLAN.test(t)) return null;
  const years = [...t.matchAll(TITLE_YEAR)];
  if (years.length !== 1) return null;
  const y = years[0]!;
  const at = title.start + y.index;
  const first = Number(y[0]);
  // A plan of several years from the year named (2023年…三年行动方案: 2023–2025).
  const several = SEVERAL_YEARS.exec(t);
  const span = several ? parseChineseNumber(several[0][0]!)! : 1;
  // (Longer than a five-year plan: not read from its title.)
  if (span > 5) return null;
  return { start: first, end: first + span - 1, raw: text.slice(at, at + 5), at, atEnd: at + 5 };
}

/** Whether `at` is inside 《…》 on its line. */
function insideTitle(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0 && text[i] !== '\n'; i--) {
    if (text[i] === '》') return false;
    if (text[i] === '《') return true;
  }
  return false;
}

/**
 * Whether the sentence holding `at` (within [floor, end)) cites documents before it: a citing verb
 * (根据《…(2021—2025年)》), or 关于印发 with no comma after it. For positions asked in increasing
 * order, carried forward in one pass (read back to the sentence's start for each, a line citing
 * 8,000 plans took 12 s).
 */
export function citedAtFrom(text: string, floor: number, end: number): (at: number) => boolean {
  // Where citing verbs end and start, in order (none crosses a sentence end).
  const verbs = execAll(CITING_VERB, text.slice(floor, end)).map((m) => ({ start: floor + m.index, end: floor + m.index + m[0].length }));
  let k = 0;
  let lastVerb = -1;
  let i = floor;
  let sentence = floor;
  let notice = false;
  return (at: number) => {
    if (at < i) return citedAt(text, floor, at);
    for (; i < at; i++) {
      const ch = text[i]!;
      if (SENTENCE_END_CHAR.test(ch)) {
        sentence = i + 1;
        notice = false;
      } else if (ch === ',' || ch === '，') notice = false;
      else if (ch === '发' && i - 3 >= sentence && text.startsWith(NOTICE, i - 3)) notice = true;
    }
    for (; k < verbs.length && verbs[k]!.end <= at; k++) lastVerb = verbs[k]!.start;
    return lastVerb >= sentence || notice;
  };
}

const NOTICE = '关于印发';

/** Whether the sentence holding `at` cites documents before it (根据《…(2021—2025年)》), read back from `at`. */
export function citedAt(text: string, floor: number, at: number): boolean {
  let s = at;
  while (s > floor && !SENTENCE_END_CHAR.test(text[s - 1]!)) s--;
  const head = text.slice(s, at);
  return head.match(CITING_VERB) !== null || CITED_NOTICE_BEFORE.test(head);
}

/** The 2021 outline's far goal (到2035年): a vision beyond its five-year plans, not a plan's end. */
const OUTLINE_VISION = OUTLINE_START + 14;
/** A title of a plan shorter than five years (三年行动方案): its milestone is its end. */
const SHORT_PLAN_TITLE = /[两三四]年(?:行动|攻坚)/u;
/** A level in percent (20%, 百分之二十). */
const LEVEL = /\d[%％]|百分之/u;

/**
 * The five-year plan of the 2021 outline (十四五 …) named in the text that ends the plan instead of deadline
 * year `year`: the one holding it when it is a milestone (到2023年 in 十四五; not in the title of a shorter
 * plan, 三年行动方案), or one before it when it is a later plan's end or a vision (到2030年, 到2035年): the
 * latest named as the end aimed at (到“十四五”末), else the latest named, unless a later plan's end dates a
 * level in its sentence (a 十五五 plan reviewing 十四五 with 到2030年,…比例达到20% stays 2026–2030) —
 * provided no deadline is written for that plan's end. Null otherwise.
 */
function namedPlanOver(text: string, deadlines: readonly Deadline[], year: number, title: string): Deadline | null {
  // Years as a set: thousands of plans named and deadlines stay linear.
  const written = new Set(deadlines.map((d) => d.year));
  const named = plansServed(text).filter((p) => p.year >= OUTLINE_START + 4 && !written.has(p.year));
  if (year % 5 !== 0) return SHORT_PLAN_TITLE.test(title) ? null : (named.find((p) => p.year - 4 <= year && year <= p.year) ?? null);
  const latest = (list: readonly Deadline[]) =>
    list.reduce<Deadline | null>((best, p) => (p.year < year && (best === null || p.year > best.year) ? p : best), null);
  const aimed = latest(named.filter((p) => aimedEnd(text, p)));
  if (aimed !== null || year >= OUTLINE_VISION) return aimed ?? latest(named);
  // A later plan's end (到2030年) is the plan's own when it dates a level (到2030年,…达到20%).
  const datesLevel = deadlines.some((d) => d.year === year && LEVEL.test(text.slice(d.atEnd, sentenceEnd(text, d.atEnd))));
  return datesLevel ? null : latest(named);
}

/** A plan named as the one the plan prepares for (为“十五五”发展奠定基础, 为十五五开好局打下基础). */
const FOUNDATION_BEFORE = /为["“”']?$/u;
const FOUNDATION_AFTER = /^["“”']?(?:时期|期间)?(?<what>[^。,，;；]{0,16}?)(?:奠定|打下|打好|夯实|筑牢)(?!了)/u;
/** The named plan's own end in what the foundation is for (为“十四五”圆满收官奠定基础, 为“十四五”目标任务圆满完成…): the plan itself. */
const OWN_END = /收官|完成|实现|收尾|决胜/u;
/** A review of what was done before the phrase in its sentence (“十三五”以来…, 过去五年…, …已…, …取得了…, …成效显著): the foundation was laid before the text. */
const REVIEW_LEAD = /以来|过去|近年来|近几年|近五年|已|(?<![为除])了|成效(?:显著|明显|突出)|成绩(?:显著|斐然|突出)/u;

/**
 * The five-year plans named, as the plans they show the text to serve: a plan it lays the foundation for
 * (为“十五五”发展奠定基础) shows the one before it (十四五), the whole phrase its evidence.
 */
function plansServed(text: string): Deadline[] {
  const named: Deadline[] = [];
  const before: Deadline[] = [];
  for (const p of fiveYearPlans(text)) {
    const lead = FOUNDATION_BEFORE.exec(text.slice(Math.max(0, p.at - 2), p.at));
    const tail = lead ? FOUNDATION_AFTER.exec(text.slice(p.atEnd, p.atEnd + 28)) : null;
    if (!lead || !tail || OWN_END.test(tail.groups!['what']!) || reviewedBefore(text, p)) named.push(p);
    else {
      const at = p.at - lead[0].length;
      const atEnd = p.atEnd + tail[0].length;
      before.push({ ...p, year: p.year - 5, raw: text.slice(at, atEnd), at, atEnd });
    }
  }
  // Plans named as such first: of one year, theirs is the evidence.
  return [...named, ...before];
}

/**
 * Whether the foundation for plan `p` is said laid by what its sentence reviews before it (过去五年…, “十三五”以来…,
 * …已…): a text of plan `p` itself, looking back.
 */
function reviewedBefore(text: string, p: Deadline): boolean {
  return REVIEW_LEAD.test(text.slice(sentenceStart(text, p.at), p.at));
}

/** Whether a five-year plan is named as the end aimed at: 到“十四五”末, 到十四五末. */
function aimedEnd(text: string, p: Deadline): boolean {
  return /到["“”']?$/u.test(text.slice(Math.max(0, p.at - 2), p.at)) && /^["“”']?末/u.test(text.slice(p.atEnd, p.atEnd + 2));
}

/**
 * The period the text implies (see `extractPeriod`). With deadlines already reached (see
 * `findDeadlines`), the next five-year plan after the last of them (到2020年…已完成, 到2025年…: 2021–2025),
 * shown by the deadline or the 十X五 that ends it, else by the one reached. Else the earliest plan-end
 * year of the deadlines (a 十X五 of the 2021 outline named instead when those are a milestone inside it or a
 * vision beyond it), else the latest 十X五 named.
 */
function impliedPeriod(text: string, title: string): Found | null {
  const deadlines = findDeadlines(text);
  const reached = deadlines.filter((d) => d.reached);
  if (reached.length > 0) {
    const last = reached.reduce((best, d) => (d.year > best.year ? d : best));
    const end = nextPlanEnd(last.year);
    const d = deadlines.find((x) => x.year === end) ?? fiveYearPlans(text).find((p) => p.year === end) ?? last;
    return { start: end - 4, end, raw: d.raw, at: d.at, atEnd: d.atEnd };
  }
  const ends = deadlines.filter((d) => d.year % 5 === 0);
  const pick = (list: typeof deadlines) => list.reduce((best, d) => (d.year < best.year ? d : best));
  if (ends.length > 0 || deadlines.length > 0) {
    const d = pick(ends.length > 0 ? ends : deadlines);
    // A five-year plan of the 2021 outline named (到“十四五”末) ends the plan when the deadlines written in
    // years are a milestone inside it (到2023年) or a vision beyond it (到2035年) and none is its end.
    const plan = namedPlanOver(text, deadlines, d.year, title);
    if (plan) return { start: plan.year - 4, end: plan.year, raw: plan.raw, at: plan.at, atEnd: plan.atEnd };
    return { start: d.year - ((d.year - 1) % 5), end: d.year, raw: d.raw, at: d.at, atEnd: d.atEnd };
  }
  let latest: Found | null = null;
  for (const p of plansServed(text)) {
    if (latest === null || p.year > latest.end) latest = { start: p.year - 4, end: p.year, raw: p.raw, at: p.at, atEnd: p.atEnd };
  }
  return latest;
}
