import type { Comparator } from '../../model/index.js';
import { parseChineseNumber } from '../parse-chinese-number.js';
import {
  GROUP_SUBJECT,
  LOCAL_SUBJECT,
  NATIONAL_SUBJECT,
  NATIONAL_WORD,
  PAST_MARKER,
  PLACE_SUBJECT,
  TARGET_CONTINUATION,
  TARGET_FIGURE,
  TARGET_METRIC,
  TARGET_POST_WORD,
  TARGET_WORD,
} from './patterns.js';
import { clauseStart, isClauseStop, sentenceEnd } from './text-bounds.js';
import { datingYear, findYearPhrases, type YearPhrase } from './years.js';
import { execAll } from './exec-all.js';
import { forLastText } from './last-text.js';

/** A percentage read after a 科学素质 metric, before roles are assigned. */
export interface TargetFigure {
  /** The population the figure is about when it is a group (农民), else null. */
  group: string | null;
  /** Start of the clause that holds the metric: where `raw` begins. */
  rawStart: number;
  /** The figure itself (number and % sign), and the end including 以上/左右. */
  figureStart: number;
  figureEnd: number;
  end: number;
  value: number;
  unit: '%' | '百分点';
  qualifiers: string[];
  comparator: Comparator;
  aspirational: boolean;
  /** Said of the whole country (全国/我国 …), not of the plan's region. */
  national: boolean;
  year: YearPhrase | null;
  /** 由/从/已/截至 before the figure, or 的基础上/为基数 after it: a value already reached. */
  pastMarker: boolean;
  /** How local the subject is: 3 county/district, 2 city, 1 province, 0 unknown. */
  locality: number;
  /** A range stated (`15~16%`, `15%-16%`, `15%至16%`, `2-3个百分点`): its bounds; `value` is the lower and the comparator at least `>=`. */
  range: { low: number; high: number } | null;
  /**
   * A figure right after 提高/提升/增长/增加/上升 without 到/至 (`提高1%`, `提高3个百分点`): an increase,
   * not a level. `'change'` when read so (points always, a percentage of at most {@link MAX_CHANGE}),
   * `'level'` when a percentage is too large to be an increase in five years and is read as the level
   * meant (`提高15%` for 提高到15%); null otherwise.
   */
  change: 'change' | 'level' | null;
  /**
   * Something odd written right before the number: `comma` a digit and a comma (`1,5%`: 1.5%? 15%?
   * the 5 alone is not the figure), `minus` a minus sign or hyphen (`-5%`; a share is never negative,
   * so it is read as a dash). Null for a plain figure.
   */
  odd: 'comma' | 'minus' | null;
}

/**
 * The largest increase in points that `提高N%` is read as (the nation's share rose 4.4 points in the five
 * years to 2020); a larger N after 提高 is taken as the level the plan means (提高到).
 */
export const MAX_CHANGE = 5;

/** An increase word right before a figure, without 到/至 (which make it a level: 提高到15%). */
const CHANGE_WORD = /(?:提高|提升|增长|增加|上升)(?:了|约|近|逾|至少|超过|不少于|不低于)* ?[-－−]?$/u;
/** One or two digits and a comma right before the number (`1,5%`; not a year: `2025,15%`). */
const COMMA_BEFORE = /(?<![\d.])\d{1,2}[,，]$/u;
/** A minus sign or hyphen right before the number, not after a digit or a percent sign (`-5%`; `2025-15%` and `10.5%-16%` are neither). */
const MINUS_BEFORE = /(?<![\d.%％])[-－−]$/u;

/** Marks that end a sentence within a line (not ；: a list of targets by year goes on after it). */
const FULL_STOP = new Set(['。', '！', '!', '？', '?']);

/** The first year of the plans of the 2021 outline (a year before it in a list or a deadline is a review of the last plan's). */
export const OUTLINE_START = 2021;

/** A colon right after a metric, or after its 目标(值)/指标(值)/预期(目标): a label. */
const LABEL_COLON = /^(?:目标值?|指标值?|预期值?|预期目标)? ?[:：]/u;
/** What may follow a label's colon before its first figure: a year, target words (not 基期值, 城镇居民, 全省 …). */
const LABEL_FIGURE = /^ ?(?:(?:19|20)\d{2}年(?:底|末)?(?:目标值?|预期值?)?(?:为|达到?)? ?)?(?:力争|争取)?(?:达到|超过|不低于|不少于|提高到|提升到)? ?\d/u;
/** A figure with its year after it in brackets (10.2%(2020年)): a list this reader does not take apart. */
const YEAR_AFTER_FIGURE = /[%％] ?[(（](?:19|20)\d{2}年/u;

/**
 * Whether the metric ending at `from` labels a list with a colon (比例:15%, 比例:2020年10.2%,2025年15%,
 * 比例目标:13.5%): the colon followed by a figure, a year or target words, the list naming no year or
 * one of the 2021 outline's plans (not 比例:2019年8%,2020年10.2%, a past series) and no year after a figure.
 */
function isLabel(text: string, from: number, to: number): boolean {
  const colon = LABEL_COLON.exec(text.slice(from, from + 8));
  if (!colon) return false;
  const list = text.slice(from + colon[0].length, to);
  if (!LABEL_FIGURE.test(list) || YEAR_AFTER_FIGURE.test(list)) return false;
  const years = findYearPhrases(text, from + colon[0].length, to);
  return years.length === 0 || years.some((y) => y.year >= OUTLINE_START);
}

/**
 * A clause after a semicolon that goes on with a metric's targets by year: a deadline (到2025年, 2025年底,
 * 力争到“十四五”末, 到“十四五”期末, “十四五”末), then a level or increase word straight away, after the subject's own place at most
 * or a group (；到“十四五”末,达到12%; ；到2025年,全市达到12%; ；到2025年,城镇居民达到20%); not another measure (；到2025年,力争80%的中小学…) or place
 * (；到2025年,全省达到13%).
 */
const DEADLINE_NEXT = new RegExp(
  '^[ \\t]*(?:力争|争取|努力)?(?:(?:到|至)?(?:19|20)\\d{2}年(?:底|末)?|(?:到|至)?["“”]?十[一二三四五六七八九]五["“”]?(?:时期)?(?:末期?|期末))[,，]?[ \\t]*' +
    `(?:(?:全|我|本)(?<own>[县区旗市州盟省])|(?:其中)?(?:${GROUP_SUBJECT.source.replace(/\$$/u, '')}))?` +
    '(?:力争|争取|努力)?(?:达到|超过|高于|不低于|提高|提升|增长|增加|增至|突破)',
  'u',
);

/** A clause led by a deadline (,到2025年达到…): as one led by a year. */
const DEADLINE_LED = /^[ \t]*(?:力争|争取|努力)?(?:到|至)(?:19|20)\d{2}年/u;
/**
 * What follows 的 after a figure that is still the metric's, to the clause's end: a target, level or share
 * word, after a few words of no verb at most (15%的目标, 15%的水平, 15%的预期目标, 15%的全省平均水平, 15%的“十四五”目标,
 * 15%的比例), not a share of something else (80%的乡镇建有科普站, 80%的社区达到标准化水平).
 */
const METRIC_AFTER_DE = new RegExp(
  '^(?:(?!\\p{Script=Han}*?(?:达到|实现|建有|建成|建立|覆盖|开展|具备|拥有|参加|参与|接受|配备|设立|设有|完成|纳入))[\\p{Script=Han}"“”]{0,8}?)' +
    '(?:目标|水平|任务|要求|比例|指标)(?:要求|任务)?(?:以上|左右)?(?=[ \\t]*(?:[,，。;；、)）]|$))',
  'u',
);

/** A clause led by a five-year plan's end (“十四五”末, 到十四五期末): as one led by a year, no share of something else (…达到80%的乡镇). */
const PLAN_END_LED = /^[ \t]*(?:力争|争取|努力)?(?:到|至)?["“”]?十[一二三四五六七八九]五["“”]?(?:时期)?(?:末期?|期末)/u;

/**
 * The end of the sentence a metric's figures are read in: past a semicolon when the clause after it
 * goes on with the metric ({@link DEADLINE_NEXT}; a place it names has the subject's `locality`); whether
 * that clause goes on with the metric is judged as for a comma.
 */
function targetsSentenceEnd(text: string, from: number, locality: number): number {
  let end = sentenceEnd(text, from);
  while (end < text.length && (text[end] === '；' || text[end] === ';')) {
    const next = DEADLINE_NEXT.exec(text.slice(end + 1, end + 40));
    const own = next?.groups?.['own'];
    if (!next || (own !== undefined && LOCALITY[own] !== locality)) break;
    end = sentenceEnd(text, end + 1);
  }
  return end;
}

/** How far after a metric a figure may be. */
const WINDOW = 120;
const LOCALITY: Readonly<Record<string, number>> = { 县: 3, 区: 3, 旗: 3, 市: 2, 州: 2, 盟: 2, 省: 1 };
const TILDE_WORDS = new Set(['左右', '约', '大约', '接近']);
const GREATER_WORDS = new Set(['超过', '高于', '大于', '突破']);
const AT_LEAST_WORDS = new Set(['达到或超过', '达到或高于', '不低于或超过', '不低于或高于', '达到', '达', '不低于', '不少于', '以上', '及以上', '提高到', '提升到', '提高至', '提升至', '增长到', '增加到', '增至']);
const ASPIRATIONAL_WORDS = new Set(['力争', '争取', '努力']);

/** The comparator the words imply: 左右 wins, then 超过, then 达到/以上, else a plain figure. */
export function comparatorOf(words: readonly string[]): Comparator {
  if (words.some((w) => TILDE_WORDS.has(w))) return '~';
  if (words.some((w) => GREATER_WORDS.has(w))) return '>';
  if (words.some((w) => AT_LEAST_WORDS.has(w))) return '>=';
  return '=';
}

/**
 * Every percentage stated for 公民具备科学素质的比例 (and group variants) in `text`, in document order.
 * A figure belongs to a metric when it follows it in the same sentence, before the next metric, without
 * crossing a comma into a clause about something else.
 */
export const findTargetFigures: (text: string) => TargetFigure[] = forLastText(readTargetFigures);

function readTargetFigures(text: string): TargetFigure[] {
  const metrics = [...text.matchAll(TARGET_METRIC)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const out: TargetFigure[] = [];
  metrics.forEach((metric, k) => {
    const next = metrics[k + 1]?.start ?? text.length;
    const rawStart = clauseStart(text, metric.start);
    const prefix = text.slice(rawStart, metric.start);
    const yearFloor = floorOfYears(text, rawStart);
    const subject = {
      group: GROUP_SUBJECT.exec(prefix)?.groups?.['g'] ?? null,
      national: NATIONAL_SUBJECT.test(prefix),
      locality: LOCALITY[LOCAL_SUBJECT.exec(prefix)?.groups?.['l'] ?? PLACE_SUBJECT.exec(prefix)?.groups?.['l'] ?? ''] ?? 0,
    };
    const windowEnd = Math.min(targetsSentenceEnd(text, metric.end, subject.locality), next, metric.end + WINDOW);
    // A year stated before a value already reached is that value's (由2020年的10.56%提高到15%: 15% has none).
    let floor = yearFloor;
    // …but a deadline before that value (到2035年,…由2025年的12%提高到25%) still dates the figures after it.
    let deadline: YearPhrase | null = null;
    readFigures(text, metric.end, windowEnd, (f) => {
      const found = datingYear(text, floor, f.figureStart) ?? (f.pastMarker ? null : deadline);
      // A deadline ahead (到2025年) is not the year of a value already reached (到2025年,…由10.5%提高到16%: 10.5%
      // has no year); 到2020年底,…已达到10.5% is a review's, and so is 到2021年底,…已达到11.2% (a 2022 plan's).
      const year = f.changeBase && found?.future && found.year >= OUTLINE_START ? null : found;
      // (Not a base named as such, 在2020年10%的基础上: that year is skipped as a reference year anyway, and the deadline before stays in reach.)
      if (f.pastMarker && !BASE_AFTER.test(text.slice(f.end, f.end + 8))) {
        deadline = findYearPhrases(text, floor, f.figureStart).filter((y) => y.future && y.year >= OUTLINE_START).at(-1) ?? deadline;
        floor = f.end;
      }
      // A continuing clause with its own subject (…,全市达到16%) is judged on its own.
      const { ownLocality, ownGroup, changeBase: _changeBase, ...figure } = f;
      out.push({
        ...figure,
        group: ownGroup ?? (ownLocality !== null ? null : subject.group),
        national: ownLocality !== null ? f.national : subject.national || f.national,
        locality: ownLocality ?? subject.locality,
        rawStart,
        year,
      });
    });
  });
  return out;
}

/**
 * Where the year of a metric's figures may be looked for: its clause, and the clause or line before
 * (到2025年,全市…; 2035年\n全市…; a heading （二）2025年目标。), not a sentence before with a figure of
 * its own (2020年为8.5%。全县…).
 */
function floorOfYears(text: string, rawStart: number): number {
  let end = rawStart;
  // Over line breaks right after a stop (a heading （三）2035年远景目标。 on the line above): to that clause.
  while (end > 1 && isClauseStop(text, end - 1) && isClauseStop(text, end - 2)) end--;
  if (end === 0 || !isClauseStop(text, end - 1)) return rawStart;
  const prev = clauseStart(text, end - 1);
  return FULL_STOP.has(text[end - 1]!) && /[%％]|百分/u.test(text.slice(prev, end - 1)) ? rawStart : prev;
}

type ReadFigure = Omit<TargetFigure, 'group' | 'rawStart' | 'year' | 'locality'> & {
  /** The locality of the figure's own subject when a continuing clause names one (全市), else null. */
  ownLocality: number | null;
  /** The group a continuing clause names (…,其中城镇居民达到18%), else null. */
  ownGroup: string | null;
  /** The value a change starts from (由/从…, …的基础上), not one merely said reached (已/截至): no deadline ahead dates it. */
  changeBase: boolean;
};

/** A group at the start of a continuing clause, after 其中 (其中城镇居民达到18%). */
const GROUP_LEAD = new RegExp(`^(?:其中)?(?:${GROUP_SUBJECT.source.replace(/\$$/u, '')})`, 'u');
/** Every group named in a stretch of text (其中城镇居民和农村居民分别…). */
const GROUP_ANY = new RegExp(GROUP_SUBJECT.source.replace(/\$$/u, ''), 'gu');
/** Words of another measure in a continuing clause (覆盖率, 普及率, 经费 …). */
const OTHER_MEASURE = /率|覆盖|普及|经费|人数|数量/u;
/** A clause that strives further (,力争达到19%). */
const STRIVING = /^(?:力争|争取|努力)/u;
/** A value reached that a change starts from (由10.5%提高到16%, 从…). */
const FROM_MARKER = /由|从/u;

/** A range's lower bound and dash (or 至/到) right before its upper figure: `15~`, `15%-`, `15.5 ～ `, `12%至`, `12到`. */
const RANGE_LOW = /(?<![\d.])(?<low>\d{1,3}(?:\.\d{1,4})?) ?(?<pct>[%％])? ?[~～〜\-－–—至到] ?$/u;
/** A range written with 至/到 rather than a dash (its lower bound's end). */
const TO_MARK = /[至到] ?$/u;
/** The widest range written with 至/到 read without a target word before it (比例10.56%至15% reads from … to …). */
const MAX_BARE_RANGE = 3;

const DIGIT = /^\d/u;
/** {@link TARGET_WORD} for a test (no global state). */
const TARGET_WORD_ONE = new RegExp(TARGET_WORD.source, 'u');

/** The last clause stop in [from, to), or −1 when there is none. */
function lastClauseStop(text: string, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) if (isClauseStop(text, i)) return i;
  return -1;
}
/** Words right after a figure that make it the base of an increase: `的基础上`, `基础之上`, `为基数`. */
const BASE_AFTER = /^ ?的?(?:基础之?上|为基数|为基础)/u;
/** Words that state a level (not 力争/以上): a figure said with one is a target, unless a past year dates it. */
const LEVEL_WORDS = new Set(['达到或超过', '达到或高于', '不低于或超过', '不低于或高于', '达到', '达', '超过', '高于', '突破', '不低于', '不少于', '提高到', '提升到', '提高至', '提升至', '增长到', '增加到', '增至']);

/**
 * Whether a figure before 的基础上/为基础 is a target restated as the base of a later one (在2025年达到15%的基础上,
 * 2035年达到25%; 以…达到15%为基础): said with a level word, and no year before the 2021 outline's plans in its
 * clause (在2020年底达到8.5%的基础上 is a value reached).
 */
function restatedTarget(text: string, figureStart: number, words: readonly string[]): boolean {
  if (!words.some((w) => LEVEL_WORDS.has(w))) return false;
  return !findYearPhrases(text, clauseStart(text, figureStart), figureStart).some((y) => y.year < OUTLINE_START);
}

/** Reads the figures in [from, to), calling `emit` for each, until a clause about something else starts. */
function readFigures(text: string, from: number, to: number, emit: (f: ReadFigure) => void): void {
  // Held back one figure, which the next may close as a range (15%~16%).
  let held: ReadFigure | null = null;
  const flush = () => {
    if (held) emit(held);
    held = null;
  };
  readFiguresInto(text, from, to, (f) => {
    if (held && f.range && f.figureStart === held.figureStart) {
      // The words before the lower figure are the range's (力争达到15%~16%).
      const qualifiers = [...held.qualifiers, ...f.qualifiers];
      const comparator = comparatorOf(qualifiers);
      held = {
        ...f,
        qualifiers,
        comparator: comparator === '=' ? '>=' : comparator,
        aspirational: held.aspirational || f.aspirational,
        national: held.national || f.national,
        pastMarker: held.pastMarker,
        ownLocality: held.ownLocality,
        ownGroup: held.ownGroup,
        changeBase: held.changeBase,
        change: held.change,
        odd: held.odd,
      };
    } else {
      flush();
      held = f;
    }
  });
  flush();
}

function readFiguresInto(text: string, from: number, to: number, emit: (f: ReadFigure) => void): void {
  let anchor = from;
  let prevStart = -1;
  const labelled = isLabel(text, from, to);
  // Whether the figure before was a value already reached (由10.56%—15%: a baseline and a target, no range).
  let prevPast = false;
  // Whether the figure before followed an increase word (提高3%至15%: the increase, then the level reached).
  let prevIncrease = false;
  // Whether the figure before was said with target words (达到12%至13%).
  let prevWorded = false;
  // 力争 before the base of an increase (力争在2020年10%的基础上提高3个百分点) is the increase's: carried to the next figure.
  let carried: string[] = [];
  // The groups a 其中 clause names, in order (其中城镇居民和农村居民分别达到18%和10%), and how many of its figures were read.
  let clauseGroups: string[] = [];
  let groupAt = 0;
  // The last level of the subject read (由2020年的10%…, 在10%的基础上…, 提高到12%), not a national one: no level
  // an increase reaches is below it. A clause with its own place or group (,其中农村居民…) starts afresh.
  let baseValue: number | null = null;
  const slice = text.slice(from, to);
  for (const m of execAll(TARGET_FIGURE, slice)) {
    const figureStart = from + m.index;
    // A comma before the figure ends the metric's clause unless the next clause continues it.
    let subStart = anchor;
    let ownLocality: number | null = null;
    let ownGroup: string | null = null;
    let yearLed = false;
    let crossed = false;
    for (let i = anchor; i < figureStart; i++) {
      if (!isClauseStop(text, i)) continue;
      // A colon after the metric (or its 目标值) labels the list that follows (比例:2020年10.2%,2025年15%).
      if (anchor === from && labelled) continue;
      const next = TARGET_CONTINUATION.exec(text.slice(i + 1, i + 16));
      if (!next) return;
      subStart = i + 1;
      const own = next.groups!['own'];
      ownLocality = own ? (LOCALITY[own.slice(1)] ?? 0) : null;
      crossed = true;
      const lead = GROUP_LEAD.exec(text.slice(i + 1, i + 16))?.groups?.['g'];
      if (own !== undefined || lead !== undefined) baseValue = null;
      // A clause striving further with no subject of its own goes on with the one group before it
      // (其中城镇居民达到18%,力争达到19%: the group's stretch, not the plan's).
      const striving = lead === undefined && own === undefined && clauseGroups.length === 1 && STRIVING.test(text.slice(i + 1, i + 4));
      if (striving) ownGroup = clauseGroups[groupAt]!;
      else {
        clauseGroups = lead === undefined ? [] : [...text.slice(i + 1, figureStart).matchAll(GROUP_ANY)].map((g) => g.groups!['g']!);
        groupAt = 0;
        ownGroup = clauseGroups[0] ?? null;
      }
      const led = next.groups!['year'] ?? next.groups!['year2'];
      // Led by a year of the 2021 outline's plans (,2035年达到25%; not ,2020年为10.2%: a past value, as before).
      if (led !== undefined && Number(led.slice(0, 4)) < OUTLINE_START) return;
      // A clause about another measure (,力争乡镇科普站覆盖率达到100%) does not go on with the metric.
      if (OTHER_MEASURE.test(text.slice(i + 1, figureStart))) return;
      yearLed = led !== undefined || PLAN_END_LED.test(text.slice(i + 1, i + 16)) || DEADLINE_LED.test(text.slice(i + 1, i + 12));
    }
    if (!crossed && clauseGroups.length > 0) {
      // A later figure of the same 其中 clause: the group named before it (、农村居民达到10%), else the next of
      // those listed (分别达到18%和10%), else the one group.
      const named = [...text.slice(anchor, figureStart).matchAll(GROUP_ANY)].map((g) => g.groups!['g']!);
      if (named.length > 0) clauseGroups.push(...named);
      groupAt = named.length > 0 ? clauseGroups.length - 1 : Math.min(groupAt + 1, clauseGroups.length - 1);
      ownGroup = clauseGroups[groupAt]!;
    }
    const g = m.groups!;
    const figureEnd = figureStart + m[0].length;
    const post = TARGET_POST_WORD.exec(text.slice(figureEnd, figureEnd + 3))?.[0] ?? null;
    // A clause led by a year goes on with the metric, not with a share of something else (,2025年达到20%(以上)的乡镇…;
    // ,2025年达到15%的目标 is the metric's).
    const after = figureEnd + (post?.length ?? 0);
    if (yearLed && text[after] === '的' && !METRIC_AFTER_DE.test(text.slice(after + 1, after + 16))) return;
    let pre = text.slice(anchor, figureStart);
    const high = g['num'] !== undefined ? Number(g['num']) : parseChineseNumber(g['cn'] ?? g['delta'] ?? '');
    // A range: `15~16%` (the lower bound without its sign) or `15%~16%` (the figure before, closed here);
    // of points too (`提高2-3个百分点`), written with digits.
    const low = g['num'] !== undefined || (g['delta'] !== undefined && DIGIT.test(g['delta'])) ? RANGE_LOW.exec(text.slice(Math.max(prevStart >= 0 ? prevStart : from, figureStart - 12), figureStart)) : null;
    const lowStart = low ? figureStart - low[0].length : -1;
    const closes = low !== null && low.groups!['pct'] !== undefined && lowStart === prevStart && !prevPast;
    const open = low !== null && low.groups!['pct'] === undefined && !PAST_MARKER.test(text.slice(anchor, lowStart));
    // 提高3%至15%, 比2020年提高5.2%至16%: an increase and the level it reaches, not a range of levels
    // (提高2至3个百分点 and 提高2%至3% are ranges of increases).
    const toWord = low !== null && g['num'] !== undefined && TO_MARK.test(low[0]);
    const increase: boolean = toWord && (closes ? prevIncrease : CHANGE_WORD.test(text.slice(anchor, lowStart)));
    // (由2020年的10%提高4%至6%, 提高2%至8%: a range of increases, 6% and 8% being no level above 10%.)
    const belowBase: boolean = increase && baseValue !== null && high! <= baseValue;
    const reaches: boolean = increase && high! > MAX_CHANGE && !belowBase;
    // A wide 至/到 range with no target word before it is a value and another (10.56%至15%: two figures competing, as before).
    const bare: boolean =
      toWord &&
      !belowBase &&
      high! - Number(low.groups!['low']) > MAX_BARE_RANGE &&
      !(closes ? prevWorded : TARGET_WORD_ONE.test(text.slice(anchor, lowStart)));
    const range: { low: number; high: number } | null = low && (open || closes) && !reaches && !bare && Number(low.groups!['low']) < high! ? { low: Number(low.groups!['low']), high: high! } : null;
    let start = figureStart;
    if (range) {
      start = lowStart;
      if (!closes) pre = text.slice(anchor, lowStart);
    }
    // Words of a clause before (超过全国平均水平,达到15%) are not the figure's comparator; 力争 … are the sentence's.
    const stop = lastClauseStop(text, anchor, anchor + pre.length);
    const cut = stop < 0 ? -1 : stop - anchor;
    const fromBase = carried;
    let words = [...carried, ...execAll(TARGET_WORD, pre).filter((w) => w.index > cut || ASPIRATIONAL_WORDS.has(w[0])).map((w) => w[0])];
    carried = [];
    const before = text.slice(Math.max(0, start - 8), start);
    const odd = g['num'] === undefined ? null : COMMA_BEFORE.test(before) ? 'comma' : MINUS_BEFORE.test(before) ? 'minus' : null;
    if (post) words.push(post);
    const value: number | null = range ? range.low : high;
    // The figure's own subject: from the last bracket or continuing clause before it (达到15%(全国超过15%)).
    const paren = Math.max(pre.lastIndexOf('('), pre.lastIndexOf('（'));
    const ownStart = paren >= 0 ? Math.max(anchor + paren, subStart) : subStart;
    anchor = figureEnd + (post?.length ?? 0);
    prevStart = figureStart;
    prevPast = PAST_MARKER.test(pre);
    prevIncrease = CHANGE_WORD.test(pre);
    prevWorded = TARGET_WORD_ONE.test(pre);
    if (value === null) continue;
    const national = NATIONAL_WORD.test(text.slice(ownStart, figureStart));
    // A national figure in between (…的基础上（全国为15%）,提高3个百分点) leaves the base's 力争 to the next one.
    if (national && fromBase.length > 0) {
      carried = fromBase;
      words = words.slice(fromBase.length);
    }
    // A value an increase is measured from (在2020年10%的基础上提高…, 以10%为基数): reached, as after 由;
    // not a target restated as a base (在2025年达到15%的基础上,2035年达到25%).
    const base = !prevPast && BASE_AFTER.test(text.slice(anchor, anchor + 8)) && !restatedTarget(text, start, words);
    if (base) {
      carried = words.filter((w) => ASPIRATIONAL_WORDS.has(w));
      words = words.filter((w) => !ASPIRATIONAL_WORDS.has(w));
    }
    const change = !CHANGE_WORD.test(pre) ? null : g['delta'] !== undefined || value <= MAX_CHANGE ? 'change' : 'level';
    if (!national && change === null && !range) baseValue = value;
    const comparator = comparatorOf(words);
    emit({
      figureStart: start,
      figureEnd,
      end: anchor,
      value,
      unit: g['delta'] !== undefined ? '百分点' : '%',
      qualifiers: words,
      // A range, or the level an increase reaches (提高3%至15%: as 提高至), is at least.
      comparator: (range || reaches) && comparator === '=' ? '>=' : comparator,
      range,
      aspirational: words.some((w) => ASPIRATIONAL_WORDS.has(w)),
      national,
      pastMarker: prevPast || base,
      changeBase: (prevPast && FROM_MARKER.test(pre)) || BASE_AFTER.test(text.slice(anchor, anchor + 8)),
      ownLocality,
      ownGroup,
      change,
      odd,
    });
  }
}
