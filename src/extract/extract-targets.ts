import type { Diagnostic, Target } from '../model/index.js';
import { toOriginalSpan, type MappedText } from '../text/mapped-text.js';
import { findTargetFigures, MAX_CHANGE, OUTLINE_START, type TargetFigure } from './internal/target-figures.js';
import { TARGET_METRIC as METRIC_PATTERN } from './internal/patterns.js';
import { findYearPhrases, fiveYearPlanEnd, type YearPhrase } from './internal/years.js';
import { clauseStart, sentenceEnd, sentenceStart } from './internal/text-bounds.js';
import { findDeadlines, type Deadline } from './internal/deadlines.js';
import { firstAtOrAfter } from '../text/sorted.js';

export interface ExtractTargetsOptions {
  /** The last year of the plan's period; the headline is the target for this year. */
  periodEnd?: number | null;
}

const METRIC = '公民具备科学素质的比例';
/** The increase words of a change (see `TargetFigure.change`). */
const CHANGE_VERB = /提高|提升|增长|增加|上升/gu;
/** Words that make a figure a target rather than a value already reached. */
const TARGET_WORDS = new Set(['力争', '争取', '努力', '达到或超过', '达到或高于', '不低于或超过', '不低于或高于', '超过', '高于', '大于', '突破', '不低于', '不少于', '达到', '以上', '及以上', '提高到', '提升到', '提高至', '提升至', '增长到', '增加到', '增至']);

/**
 * Finds the 公民具备(基本)科学素质的比例 figures of a plan and gives each a role: `headline` for the
 * plan's own target for its end year (exactly one when there is any), `baseline` for a value already
 * reached (十三五末…达10.8%, 由2020年的10.56%…), `other` for the rest (2035 targets, group figures,
 * changes in points, increases without 到: 提高1%, each with a `target/change` note). Figures said of
 * the whole country (全国/我国 …超过15%) are never taken: each becomes a `target/national-figure-skipped`
 * diagnostic. A number with a comma inside (`1,5%`) is not read (`target/odd-figure`). No headline →
 * `target/missing` (quoting a target said without a figure, 达到全省平均水平, when there is one); equally
 * plausible headlines with different values → `target/ambiguous`, but a firm level and a higher one striven
 * for in one sentence (达到15%,力争达到16%) → the firm one and a `target/stretch` note. An increase
 * in points right after a value reached, still to come, makes a level (由2020年的8.5%提高3个百分点:
 * 11.5%, with a `target/change` note), which yields to a level the plan states (see `chooseHeadline`).
 *
 * A headline whose sentence names no year takes `periodEnd`. Works on `mt.text`; spans are original.
 *
 * @example
 * const mt = mapIdentity('到2025年,我市公民具备科学素质的比例力争达到16%以上。');
 * const [t] = extractTargets(mt, { periodEnd: 2025 }, []);
 * // t: { role: 'headline', value: 16, year: 2025, comparator: '>=', qualifiers: ['力争', '达到', '以上'], aspirational: true, … }
 */
export function extractTargets(mt: MappedText, options: ExtractTargetsOptions, diagnostics: Diagnostic[]): Target[] {
  const text = mt.text;
  const periodEnd = options.periodEnd ?? null;
  const read = findTargetFigures(text);
  const kept = read.filter((f) => !f.national && f.odd !== 'comma');
  const refYear = periodEnd ?? maxYear(kept);
  const reached = reachedDeadlines(text, refYear);
  const isBaseline = (f: TargetFigure) => f.unit === '%' && f.change !== 'change' && isPast(f, refYear, reached);
  const levels = levelsFromPoints(text, kept, isBaseline, periodEnd, refYear);
  const figures: TargetFigure[] = [];
  for (const f of read) {
    if (f.odd === 'comma' && !f.national) {
      // Neither reading is safe (1.5%? 15%?), and the digits after the comma alone are not the figure.
      let from = f.figureStart - 1;
      while (from > f.rawStart && /[\d.]/u.test(text[from - 1]!)) from--;
      const written = text.slice(from, f.figureEnd);
      const [whole, part] = written.split(/[,，]/u) as [string, string];
      diagnostics.push({
        code: 'target/odd-figure',
        severity: 'warning',
        message: `「${written}」 has a comma inside the number (${whole}.${part}? ${whole}${part}?): not read`,
        span: toOriginalSpan(mt, from, f.figureEnd),
      });
      continue;
    }
    if (!f.national) {
      figures.push(f);
      const level = levels.get(f);
      if (level) figures.push(level.level);
      if (f.range && f.change !== 'change') {
        diagnostics.push({
          code: 'target/range',
          severity: 'info',
          message: `a range ${f.range.low}–${f.range.high}${f.unit} is read as its lower bound, at least ${f.range.low}${f.unit}`,
          span: toOriginalSpan(mt, f.figureStart, f.figureEnd),
        });
      }
      if (f.odd === 'minus') {
        diagnostics.push({
          code: 'target/odd-figure',
          severity: 'info',
          message: `a minus sign before ${f.value}${f.unit} is read as a dash (a share is never negative): ${f.value}${f.unit}`,
          span: toOriginalSpan(mt, f.figureStart - 1, f.figureEnd),
        });
      }
      // Increases in points are noted once the headline is known (below): no point is read as a level.
      if (f.change && f.unit === '%') {
        const from = changeStart(text, f);
        diagnostics.push({
          code: 'target/change',
          severity: 'info',
          message:
            f.change === 'change'
              ? `「${text.slice(from, f.end)}」 states an increase, not a level: not read as a target`
              : `「${text.slice(from, f.end)}」 is read as the level ${f.value}${f.unit} (提高到): an increase of more than ${MAX_CHANGE} points is not plausible`,
          span: toOriginalSpan(mt, from, f.end),
        });
      }
    } else {
      diagnostics.push({
        code: 'target/national-figure-skipped',
        severity: 'info',
        message: `national figure ${f.value}${f.unit} skipped`,
        span: toOriginalSpan(mt, f.rawStart, f.end),
      });
    }
  }
  const candidates = figures.filter((f) => f.unit === '%' && f.change !== 'change' && f.group === null && !isBaseline(f));
  // Each level made of points, and the value it was made from.
  const made = new Map([...levels.values()].map((l) => [l.level, l.base.value]));
  const headline = chooseHeadline(candidates, made, periodEnd, mt, diagnostics);
  // An increase in points: the level made of it when that is the headline; said to be no level when there is none.
  for (const f of figures) {
    const level = levels.get(f);
    if (f.unit !== '百分点' || f.change !== 'change' || (headline !== null && level?.level !== headline)) continue;
    // Here: the headline is made of this increase, or there is no headline.
    const from = changeStart(text, f);
    diagnostics.push({
      code: 'target/change',
      severity: 'info',
      message:
        level?.level === headline
          ? `「${text.slice(from, f.end)}」 after ${level.base.value}% is read as the level ${levelWords(level.level)} (${level.base.value} + ${f.range ? `${f.range.low}–${f.range.high}` : f.value} points)`
          : `「${text.slice(from, f.end)}」 states an increase in points, not a level: not read as a target`,
      span: toOriginalSpan(mt, from, f.end),
    });
  }
  if (!headline) {
    const said = unquantified(text, periodEnd);
    diagnostics.push({
      code: 'target/missing',
      severity: 'warning',
      message: `no headline 公民具备科学素质的比例 target was found${said ? `; the plan states one without a figure: 「${text.slice(said.start, said.end)}」` : ''}`,
      ...(said ? { span: toOriginalSpan(mt, said.start, said.end) } : {}),
    });
  }
  // A level made of points that is not the headline (a level stated as one won) is not kept.
  return figures.filter((f) => !made.has(f) || f === headline).map((f) => {
    const role = f === headline ? 'headline' : isBaseline(f) && f.group === null ? 'baseline' : 'other';
    const year = f.year?.year ?? (role === 'headline' ? periodEnd : null);
    return {
      metric: f.group ? `${f.group}具备科学素质的比例` : METRIC,
      role,
      value: f.value,
      unit: f.unit,
      year,
      // 提高15%, read as the level meant, says what 提高到15% says.
      comparator: f.change === 'level' && f.comparator === '=' ? '>=' : f.comparator,
      qualifiers: f.qualifiers,
      aspirational: f.aspirational,
      raw: text.slice(f.rawStart, f.end),
      span: toOriginalSpan(mt, f.rawStart, f.end),
    };
  });
}

/** A level made of points as a note says it: `11.5%`, or a range read as its lower bound (`12–13%, at least 12%`). */
function levelWords(f: TargetFigure): string {
  return f.range ? `${f.range.low}–${f.range.high}%, at least ${f.value}%` : `${f.value}%`;
}

/**
 * A target said without a figure after the metric, in its clause: 达到全省平均水平, 翻一番, 位居全省前列 …
 * Not a state compared (低于全省平均水平, 与全省平均水平仍有差距), nor another subject's after a comma
 * (…比例稳步提升,科普工作保持全省领先), nor a state told of now or of an earlier plan: 目前/截至 … in its
 * sentence before the metric, 已 after it (比例已高于全国平均水平), or a five-year plan that ends before
 * the plan does (“十三五”期间,…高于全国平均水平 in a plan to 2025).
 */
const UNQUANTIFIED = /^[^。；;！？!?\n%％,，、：:]{0,24}?(?:平均水平|翻一番|翻番|前列|领先|第一方阵)/u;
const STATE_COMPARED = /低于|不足|落后|差距|[与同和较]/u;
const STATE_AFTER = /^(?:以下|相比|仍|还|差距)/u;

/** Words before the metric, in its sentence, that tell a state now or reached (目前, 截至2020年底). */
const STATE_NOW = /目前|当前|现阶段|截至|截止/u;
/** A five-year plan named (十三五) with what tells of its time (期间, 时期, 以来, 末): its number. */
const FIVE_YEAR = /十([一二三四五六])五[”"’']?(?:期间|时期|以来|末)/gu;

/** Whether the sentence before the metric tells a state now, or of a five-year plan that ends before `periodEnd`. */
function toldAsState(before: string, periodEnd: number | null): boolean {
  if (STATE_NOW.test(before)) return true;
  if (periodEnd === null) return false;
  for (const f of before.matchAll(FIVE_YEAR)) if ((fiveYearPlanEnd(f[1]!) ?? periodEnd) < periodEnd) return true;
  return false;
}

/** The first metric followed in its clause by a target without a figure (its metric to that word), or null. */
function unquantified(text: string, periodEnd: number | null): { start: number; end: number } | null {
  for (const m of text.matchAll(METRIC_PATTERN)) {
    const from = m.index + m[0].length;
    const w = UNQUANTIFIED.exec(text.slice(from, from + 40));
    if (!w || STATE_COMPARED.test(w[0]) || w[0].includes('已') || STATE_AFTER.test(text.slice(from + w[0].length))) continue;
    if (toldAsState(text.slice(sentenceStart(text, m.index), m.index), periodEnd)) continue;
    return { start: clauseStart(text, m.index), end: from + w[0].length };
  }
  return null;
}

/** Where an increase is said: from its increase word (「提高1%」). */
function changeStart(text: string, f: TargetFigure): number {
  let from = f.figureStart;
  for (const m of text.slice(f.rawStart, f.figureStart).matchAll(CHANGE_VERB)) from = f.rawStart + m.index;
  return from;
}

/**
 * Levels made of a value reached and an increase in points stated right after it, by the increase
 * (由2020年的8.5%提高3个百分点: 11.5%): read as 提高到 the sum (comparator at least), made only when the
 * increase is still to come (a deadline of the 2021 outline's plans in its sentence, or 力争/再/将 … in
 * its clause), dated by the increase's own year or else by that deadline, never by the value's year;
 * `chooseHeadline` decides whether a stated level beats it. None for a gain already made (提高了, a past
 * year between the two: 比2015年提高; a review with no deadline ahead), a yearly increase (年均, 每年),
 * another subject (全省…10%,全市提高3个百分点) or a group. Only points: 提高2% after 10% may mean 12%
 * or 10.2%, and is left an increase.
 */
function levelsFromPoints(
  text: string,
  figures: readonly TargetFigure[],
  isBaseline: (f: TargetFigure) => boolean,
  periodEnd: number | null,
  refYear: number | null,
): Map<TargetFigure, { level: TargetFigure; base: TargetFigure }> {
  const out = new Map<TargetFigure, { level: TargetFigure; base: TargetFigure }>();
  // A deadline ahead: a year of the 2021 outline's plans (到2020年 closes a review of the last plan), no
  // earlier than the plan's end year (2025年: or 到2025年); 到/至 one when there is no year to go by. A plan
  // that ends by 2020 (or is read so) gets no such level.
  if (periodEnd !== null && periodEnd < OUTLINE_START) return new Map();
  const ahead = (y: YearPhrase) => y.year >= OUTLINE_START && (refYear === null ? y.future : y.year >= refYear);
  let base: TargetFigure | null = null;
  for (const f of figures) {
    if (base && base.rawStart === f.rawStart && f.group === null && f.unit === '百分点' && f.change === 'change' && f.locality === base.locality) {
      const between = text.slice(base.end, f.figureStart);
      const own = base.year?.year ?? null;
      // A year between them other than the value's own (比2020年 after 2020年…为8.5%) dates an increase already made (比2015年).
      const past =
        between.includes('了') || findYearPhrases(text, base.end, f.figureStart).some((y) => !y.future && y.year !== own && (refYear === null || y.year < refYear));
      // To come: a deadline ahead in the sentence (到2025年,…由2020年的8.5%提高…) or a word in the clause (力争, 再 …);
      // else a gain already made, told in a review of the last plan (十三五期间…由6%提高4个百分点).
      const deadlines = findYearPhrases(text, sentenceStart(text, base.rawStart), f.figureStart).filter(ahead);
      const toCome = deadlines.length > 0 || FUTURE_WORD.test(text.slice(base.rawStart, f.figureStart)) || (f.year !== null && ahead(f.year));
      if (!past && toCome && !PER_YEAR.test(between)) {
        const sum = (points: number) => Math.round((base!.value + points) * 1e6) / 1e6;
        const value = sum(f.value);
        // Dated by the increase's own year, not the value's (2020年…为8.5%,力争提高3个百分点), else by the deadline.
        const year = f.year && f.year.start !== base.year?.start ? f.year : (deadlines[deadlines.length - 1] ?? null);
        // A range of points (提高2-3个百分点) makes a range of levels, read as its lower bound, at least.
        const range = f.range ? { low: value, high: sum(f.range.high) } : null;
        out.set(f, { level: { ...f, value, unit: '%', year, change: 'level', range, pastMarker: false }, base });
      }
      base = null;
      continue;
    }
    base = f.unit === '%' && f.group === null && isBaseline(f) ? f : null;
  }
  return out;
}

/** Words that make a figure said without target words a firm level (确保15%, 至少15%). */
const FIRM_LEAD = /确保|保证|至少/u;

/**
 * A firm level and a higher one striven for in the same sentence (达到15%以上,力争达到16%; 力争16%,确保15%):
 * the firm one is the headline, the other a stretch goal; null unless the figures are just that (every
 * firm figure one value, every aspirational one above it, the firm one said as a level: with target words or
 * after 确保, not a bare figure that may be the value reached, 比例10.56%,力争达到15%).
 */
function stretchOf(text: string, pool: readonly TargetFigure[]): { floor: TargetFigure; goal: TargetFigure } | null {
  const firm = pool.filter((f) => !f.aspirational);
  const goals = pool.filter((f) => f.aspirational);
  if (firm.length === 0 || goals.length === 0) return null;
  const floor = firm[0]!;
  if (firm.some((f) => f.value !== floor.value || f.rawStart !== floor.rawStart)) return null;
  if (floor.qualifiers.length === 0 && !FIRM_LEAD.test(text.slice(clauseStart(text, floor.figureStart, floor.rawStart), floor.figureStart))) return null;
  if (goals.some((g) => g.value <= floor.value || g.rawStart !== floor.rawStart)) return null;
  // A deadline of another year in the sentence (到2035年,在2025年…15%的基础上,力争达到25%) may be the goal's:
  // no stretch, two figures competing.
  const goal = goals[0]!;
  const sentence = findYearPhrases(text, sentenceStart(text, floor.rawStart), goal.figureStart);
  if (sentence.some((y) => y.future && y.year !== (floor.year?.year ?? y.year))) return null;
  return { floor, goal };
}

/** Words that put an increase ahead: 力争提高, 再提高, 将提高 … */
const FUTURE_WORD = /力争|争取|努力|再|将|预计|计划|目标|确保/u;
/** An increase per year (年均, 每年): not the whole period's, and not added up here. */
const PER_YEAR = /年均|每年|平均/u;

function maxYear(figures: readonly TargetFigure[]): number | null {
  let max: number | null = null;
  for (const f of figures) if (f.year && (max === null || f.year.year > max)) max = f.year.year;
  return max;
}

/** Whether a figure's sentence ties it to a deadline already reached (see `findDeadlines`), before the target year. */
interface ReachedDeadlines {
  /** `y` (a year phrase with 到) is such a deadline in the figure's own sentence: 到2020年,…达到8%,已完成… (not 到2020年已实现。 before it). */
  dates(y: YearPhrase, f: TargetFigure): boolean;
  /** The first deadline after the undated figure in its sentence is one: …提高到8%,到2020年已实现规划目标. */
  follows(f: TargetFigure): boolean;
}

/** The {@link ReachedDeadlines} of `text`, read when a figure first asks (most plans date none before their end year by 到). */
function reachedDeadlines(text: string, refYear: number | null): ReachedDeadlines {
  let index: { at: number[]; all: Deadline[]; any: boolean } | null = null;
  const read = () => {
    const all = findDeadlines(text);
    return (index ??= { at: all.map((d) => d.at), all, any: all.some((d) => d.reached) });
  };
  const before = (d: Deadline) => d.reached && (refYear === null || d.year < refYear);
  return {
    dates(y, f) {
      if (y.start < sentenceStart(text, f.figureStart)) return false;
      const { at, all } = read();
      const d = all[firstAtOrAfter(at, y.start)];
      return d?.at === y.start && before(d);
    },
    follows(f) {
      const { at, all, any } = read();
      const d = any ? all[firstAtOrAfter(at, f.end)] : undefined;
      return d !== undefined && d.at < sentenceEnd(text, f.end) && before(d);
    },
  };
}

/**
 * A value already reached: marked so (由/从/已/截至); or tied by its sentence to a deadline already reached
 * before the target year (see {@link ReachedDeadlines}); or dated before the target year without 到, and
 * either at the end of a year or plan (十三五末, 2020年底) or stated without target words (2020年…为10.2%).
 */
function isPast(f: TargetFigure, refYear: number | null, reached: ReachedDeadlines): boolean {
  if (f.pastMarker) return true;
  const y = f.year;
  if (!y) return reached.follows(f);
  if (refYear === null || y.year >= refYear) return false;
  if (y.future) return reached.dates(y, f);
  // 提高15%, read as the level meant, is 提高到15%: a target word.
  return y.endOf || y.asOf || (f.change !== 'level' && !f.qualifiers.some((w) => TARGET_WORDS.has(w)));
}

/** Localities a figure's subject may have (`TargetFigure.locality`): 0 unknown, 1 province, 2 city, 3 county. */
const LOCALITIES = [0, 1, 2, 3] as const;

/** Whether a stated level of locality `f` may beat a level made of points of locality `m`: not another (larger) place's. */
const mayBeat = (f: number, m: number) => !(f > 0 && m > 0 && f < m);

/** Slack for sums of decimals (8.1 + 3 against 16.1 is 5.000000000000002 apart). */
const EPS = 1e-9;

/** Whether `a` and `b` are within {@link MAX_CHANGE} of each other. */
const near = (a: number, b: number) => Math.abs(a - b) <= MAX_CHANGE + EPS;

/** Whether `a` is above `b` (by more than the slack). */
const above = (a: number, b: number) => a >= b + EPS;

/** Whether the sorted `values` hold one near `v` and above `floor`. */
function hasNear(values: readonly number[], v: number, floor: number): boolean {
  const k = Math.max(firstAtOrAfter(values, v - MAX_CHANGE - EPS), firstAtOrAfter(values, floor + EPS));
  return k < values.length && values[k]! <= v + MAX_CHANGE + EPS;
}

/**
 * The stated levels that beat a level made of points (see `chooseHeadline`), indexed once so that a
 * plan of thousands of such sentences stays linear: by locality, whether one is dated `year`, and the
 * sorted values of the undated ones said as a target; the undated ones by clause. `made`: each level
 * made of points and the value it was made from (a rival must be above it: not the value reached, told
 * again in a review of the last plan).
 */
function madeRivals(candidates: readonly TargetFigure[], made: ReadonlyMap<TargetFigure, number>, year: number | null, text: string) {
  const dated = [false, false, false, false];
  const undated: number[][] = [[], [], [], []];
  const byClause = new Map<number, TargetFigure[]>();
  const asTarget = new Set<TargetFigure>();
  for (const f of candidates) {
    if (f.change !== null) continue;
    if (f.year !== null) {
      if (year !== null && f.year.year === year) dated[f.locality] = true;
      continue;
    }
    const clause = byClause.get(f.rawStart);
    if (clause) clause.push(f);
    else byClause.set(f.rawStart, [f]);
    if (f.qualifiers.some((w) => TARGET_WORDS.has(w)) || text.slice(f.rawStart, f.figureStart).includes('目标')) {
      asTarget.add(f);
      undated[f.locality]!.push(f.value);
    }
  }
  for (const u of undated) u.sort((a, b) => a - b);
  const base = (m: TargetFigure) => made.get(m) ?? -Infinity;
  const sameClause = (f: TargetFigure, m: TargetFigure) => mayBeat(f.locality, m.locality) && near(f.value, m.value) && above(f.value, base(m));
  return {
    /** Whether a stated level beats `m`. */
    beat(m: TargetFigure): boolean {
      if (LOCALITIES.some((l) => mayBeat(l, m.locality) && (dated[l] || hasNear(undated[l]!, m.value, base(m))))) return true;
      return (byClause.get(m.rawStart) ?? []).some((f) => sameClause(f, m));
    },
    /** The undated stated levels that beat one of `beaten`, in candidate order. */
    of(beaten: readonly TargetFigure[]): TargetFigure[] {
      const values: number[][] = [[], [], [], []];
      const clauses = new Map<number, TargetFigure[]>();
      let lowest = Infinity;
      for (const m of beaten) {
        values[m.locality]!.push(m.value);
        lowest = Math.min(lowest, base(m));
        const clause = clauses.get(m.rawStart);
        if (clause) clause.push(m);
        else clauses.set(m.rawStart, [m]);
      }
      for (const v of values) v.sort((a, b) => a - b);
      return candidates.filter(
        (f) =>
          f.change === null &&
          f.year === null &&
          ((asTarget.has(f) && above(f.value, lowest) && LOCALITIES.some((l) => mayBeat(f.locality, l) && hasNear(values[l]!, f.value, -Infinity))) ||
            (clauses.get(f.rawStart) ?? []).some((m) => sameClause(f, m))),
      );
    },
  };
}

/** The target year when the period is unknown: the earliest plan-end year (…5, …0) among the figures. */
function targetYear(candidates: readonly TargetFigure[]): number | null {
  const years = candidates.flatMap((f) => (f.year ? [f.year.year] : []));
  if (years.length === 0) return null;
  const ends = years.filter((y) => y % 5 === 0);
  let min = Infinity;
  for (const y of ends.length > 0 ? ends : years) if (y < min) min = y;
  return min;
}

function chooseHeadline(
  candidates: readonly TargetFigure[],
  made: ReadonlyMap<TargetFigure, number>,
  periodEnd: number | null,
  mt: MappedText,
  diagnostics: Diagnostic[],
): TargetFigure | null {
  if (candidates.length === 0) return null;
  const byYear = (y: number | null) => candidates.filter((f) => (f.year?.year ?? null) === y);
  // Figures up to the plan's end; a year before the 2021 outline's plans is a review's (到2020年,达到10.2%), not a
  // milestone of a plan that ends later.
  const inReach = (f: TargetFigure): boolean => {
    const y = f.year?.year ?? null;
    if (periodEnd === null) return true;
    if (y === null) return true;
    return y <= periodEnd && (y >= OUTLINE_START || periodEnd < OUTLINE_START);
  };
  const fallback = targetYear(candidates.filter(inReach));
  // The pools in turn: the plan's end year, undated figures, the earliest plan-end year among the figures.
  let pool: TargetFigure[] = [];
  for (const year of periodEnd !== null ? [periodEnd, null, fallback] : [null, fallback]) {
    pool = byYear(year);
    // A level made of points (由8.5%提高3个百分点) yields to a level the plan states for its year, or to an
    // undated one above the value it was made from and near it, said in the same clause (…提高3个百分点至
    // 13%) or as a target (主要指标:…达到12%以上, 目标值…); not to another place's, a current value or a far
    // undated target (远景目标:…25%), which it wins over.
    if (pool.some((f) => made.has(f))) {
      const rivals = madeRivals(candidates, made, year ?? periodEnd ?? fallback, mt.text);
      const standing = pool.filter((m) => made.has(m) && !rivals.beat(m));
      if (standing.length > 0) pool = standing;
      else {
        const beaten = pool.filter((m) => made.has(m));
        pool = pool.filter((f) => !made.has(f));
        if (pool.length === 0) pool = rivals.of(beaten);
      }
    }
    if (pool.length > 0) break;
  }
  if (pool.length === 0) return null;
  // A level read out of an increase (提高6%以上) yields to a level stated as one (…,达到15%).
  if (pool.some((f) => f.change !== 'level')) pool = pool.filter((f) => f.change !== 'level');
  let best = 0;
  for (const f of pool) if (f.locality > best) best = f.locality;
  const top = pool.filter((f) => f.locality === best);
  const stretch = stretchOf(mt.text, top);
  if (stretch) {
    const { floor, goal } = stretch;
    diagnostics.push({
      code: 'target/stretch',
      severity: 'info',
      message: `${goal.value}% (${goal.qualifiers.join('、')}) is read as a stretch goal beyond the headline ${floor.value}%`,
      span: toOriginalSpan(mt, clauseStart(mt.text, goal.figureStart, goal.rawStart), goal.end),
    });
    return floor;
  }
  const first = top[0]!;
  const rival = top.find((f) => f.value !== first.value);
  if (rival) {
    diagnostics.push({
      code: 'target/ambiguous',
      severity: 'warning',
      message: `headline target is ambiguous: ${first.value}% and ${rival.value}% for the same year`,
      span: toOriginalSpan(mt, rival.rawStart, rival.end),
    });
  }
  return first;
}
