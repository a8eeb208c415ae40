import { DEADLINE_YEAR, FIVE_YEAR_PLAN, REACHED_WORD } from './patterns.js';
import { findTargetFigures, OUTLINE_START } from './target-figures.js';
import { clauseEnd, sentenceEnd, sentenceStart } from './text-bounds.js';
import { findYearPhrases, fiveYearPlanEnd } from './years.js';
import { execAll } from './exec-all.js';
import { forLastText } from './last-text.js';

/** A deadline written in the text (`到2025年`, `至2020年`), or a five-year plan named (`十四五`, its `year` the end). */
export interface Deadline {
  year: number;
  raw: string;
  at: number;
  atEnd: number;
  /** 截至2020年底, 截止到…: a state at a date, said to be reached by its own words. */
  asOf: boolean;
  /** Already reached when the plan was written (see {@link findDeadlines}); always false for a plan named. */
  reached: boolean;
}

/** The end of the five-year plan after the one holding `year` (2020 → 2025, 2018 → 2020). */
export const nextPlanEnd = (year: number) => year + 5 - (year % 5);

/** The five-year plans named in `text` (`十四五`, `“十三五”时期`), in order. */
export function fiveYearPlans(text: string): Deadline[] {
  return [...text.matchAll(FIVE_YEAR_PLAN)].flatMap((m) => {
    const year = fiveYearPlanEnd(m.groups!['fy']!);
    return year === null ? [] : [{ year, raw: m[0], at: m.index, atEnd: m.index + m[0].length, asOf: false, reached: false }];
  });
}

/**
 * The deadlines of `text` (years 1990–2060), in order. One of the last outline's plans (before 2021) is
 * `reached` when the text goes on to the next five-year plan (names a 十X五 or dates a local level of the
 * metric after the deadline and by that plan's end: 十四五, 到2025年,全县公民具备科学素质的比例达到12%)
 * and shows the deadline past: said so by 截至 before it or after it in its sentence (截至2020年底;
 * …达到8%,已完成“十三五”目标; 达到了; not 在已完成…的基础上), or by such a level of the 2021 outline's
 * plans, which only a plan written after the deadline states (a genuine 2016–2020 plan states none; a
 * 2011–2015 one may set a level for 2020). A deadline no later than one reached is reached too.
 */
export const findDeadlines: (text: string) => Deadline[] = forLastText(readDeadlines);

function readDeadlines(text: string): Deadline[] {
  const deadlines = [...text.matchAll(DEADLINE_YEAR)]
    .map((m) => ({ year: Number(m.groups!['y']), raw: m[0], at: m.index, atEnd: m.index + m[0].length, asOf: m.groups!['asOf'] !== undefined, reached: false }))
    .filter((d) => d.year >= 1990 && d.year <= 2060);
  if (!deadlines.some((d) => d.year < OUTLINE_START)) return deadlines;
  const levels = metricYears(text);
  // Years as sets: a plan of thousands of deadlines and levels stays linear.
  const ahead = new Set([...fiveYearPlans(text).map((p) => p.year), ...levels]);
  const outline = new Set(levels.filter((y) => y >= OUTLINE_START));
  const within = (years: ReadonlySet<number>, y: number) => {
    for (let x = y + 1; x <= nextPlanEnd(y); x++) if (years.has(x)) return true;
    return false;
  };
  let latest = -Infinity;
  deadlines.forEach((d, k) => {
    if (d.year >= OUTLINE_START || !within(ahead, d.year)) return;
    if (d.asOf || within(outline, d.year) || saysReached(text, d, deadlines[k + 1])) latest = Math.max(latest, d.year);
  });
  for (const d of deadlines) d.reached = d.year <= latest;
  return deadlines;
}

/**
 * The years of the local levels of the metric (not a national or a group figure, nor an increase): its own
 * year, else the deadline before it in its sentence (到2025年,全县…由2020年的8%提高到12%: 12% has no year of
 * its own, the 2020 being the value's).
 */
function metricYears(text: string): number[] {
  return findTargetFigures(text).flatMap((f) => {
    if (f.national || f.odd === 'comma' || f.group !== null || f.unit !== '%' || f.change === 'change') return [];
    const y = f.year ?? findYearPhrases(text, sentenceStart(text, f.figureStart), f.figureStart).filter((p) => p.future).at(-1);
    return y ? [y.year] : [];
  });
}

/**
 * Whether deadline `d` is said to be reached after it, before the next deadline or the sentence's end
 * (到2020年已实现规划目标; not 目前已达到9.5%,确保到2020年达到10%, a value before the deadline).
 */
function saysReached(text: string, d: Deadline, next: Deadline | undefined): boolean {
  const stop = sentenceEnd(text, d.atEnd);
  const to = next !== undefined && next.at < stop ? next.at : stop;
  return execAll(REACHED_WORD, text.slice(d.atEnd, to)).some((m) => {
    const after = d.atEnd + m.index + m[0].length;
    return !ON_BASIS.test(text.slice(after, clauseEnd(text, after)));
  });
}

/** 的基础上 after a reached word: a basis named in a sentence about what is to come (在已完成…的基础上). */
const ON_BASIS = /基础之?上/u;
