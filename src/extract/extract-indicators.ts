import { firstKeyAtOrAfter } from '../text/sorted.js';
import type { Comparator, Diagnostic, Indicator } from '../model/index.js';
import { toOriginalSpan, type MappedText } from '../text/mapped-text.js';
import { findEnclosures } from './internal/enclosures.js';
import { FIGURE_GROUP as G, findFigureMatches } from './internal/figure-scan.js';
import {
  INDICATOR_POST_WORD,
  INDICATOR_PRE_VERB,
  INDICATOR_PRE_WORD,
  NAME_AFTER_LEAD,
  NAME_AFTER_VERB,
  NAME_BASE,
  BASE_BEFORE,
  INCREASE_BEFORE,
  NAME_LEAD,
  NAME_ORDINAL,
  NAME_TAIL,
  NOT_BEFORE_FIGURE,
  BETWEEN_FIGURES,
  PER_YEAR,
  STRUCTURE_COUNT_AFTER,
  STRUCTURE_COUNT_BEFORE,
  UNITLESS_FIGURE,
} from './internal/patterns.js';
import { hanCount } from './internal/han.js';
import { findTargetFigures, OUTLINE_START, type TargetFigure } from './internal/target-figures.js';
import { tidyName } from './internal/tidy-name.js';
import { clauseEnd, clauseStart, sentenceStart } from './internal/text-bounds.js';
import { datingYear } from './internal/years.js';
import { unnamed } from './internal/unnamed.js';
import { parseChineseNumber } from './parse-chinese-number.js';

/** The comparator patterns without group names (a match costs less than half), read by number. */
const POST_WORD = unnamed(INDICATOR_POST_WORD);
const POST_W = POST_WORD.group('w');
const PRE_WORD = unnamed(INDICATOR_PRE_WORD);
const PRE_W = PRE_WORD.group('w');
const PRE_VERB = unnamed(INDICATOR_PRE_VERB);
const PRE_VERB_W = PRE_VERB.group('w');

/** A figure with its unit, before clause and name are read. */
interface Figure {
  start: number;
  /** End of the unit. */
  end: number;
  /** End including a following 以上/左右. */
  tail: number;
  value: number;
  unit: string;
  words: string[];
  chinese: boolean;
}

const TILDE = new Set(['左右', '约', '大约', '接近', '近']);
const GREATER = new Set(['超过', '多于', '高于', '大于', '突破', '余', '多']);
const AT_LEAST = new Set(['不少于', '不低于', '至少', '达到', '达', '提高到', '提升到', '提高至', '提升至', '增加到', '增长到', '增至', '以上', '及以上', '至']);

/**
 * Finds every quantified commitment other than the headline 科学素质 target: a figure with its unit
 * (`培训科学类教师1000人(次)`, `创建50个市级科普基地`, `注册科技志愿者超过20000人`, `覆盖率达到100%`),
 * with Chinese numerals, 万/亿 scaling (`2万人次` → 20000 人次; `人(次)` reads as 人次), the comparator
 * its words set (超过 `>`; 不少于/以上/至少/达到 `>=`; 左右/约 `~`), the year of a 到2025年 in its sentence,
 * and `perYear` for 每年. `name` says what is counted; `raw` is its clause (a list joined by 、 is split
 * between figures). Years, dates, document numbers, ordinals, figures in 《titles》 and the headline
 * percentages are not indicators. A range with a unit on each figure (80%至90%, 10个—15个) is one figure,
 * at least its lower bound; a value reached and the level it grows to (由2020年的20个增加到30个) are two,
 * both named by what is counted, the level at least and neither dated by the other's year. Nothing is de-duplicated. A comparator followed by a figure with an
 * unknown unit gives `indicator/unit-unknown`.
 *
 * @example
 * const mt = mapIdentity('到2025年,创建50个市级科普基地、20个省级科普教育基地。');
 * extractIndicators(mt, []).map((i) => [i.name, i.value, i.unit, i.year]);
 * // [['市级科普基地', 50, '个', 2025], ['省级科普教育基地', 20, '个', 2025]]
 */
export function extractIndicators(mt: MappedText, diagnostics: Diagnostic[]): Indicator[] {
  const text = mt.text;
  const figures = findFigures(text);
  const out: Indicator[] = [];
  figures.forEach((f, k) => {
    const next = figures[k + 1];
    // 从五个方面, 从以下3个维度: how the text is laid out, not a commitment; but a count a change starts from
    // (从3个领域拓展到8个) is a value reached.
    if (f.unit === '个' && ASPECT_LEAD.test(leadOf(text, f.start)) && ASPECT.test(text.slice(f.end, f.end + 2)) && !(next && levelAfter(text, f, next))) return;
    const [rawStart, rawEnd] = rawBounds(text, f, figures[k - 1], figures[k + 1]);
    const level = levelAfter(text, figures[k - 1], f);
    const name = baseNamedByLevel(text, f, next, nameOf(text, rawStart, rawEnd, f, figures[k - 1], level));
    if (name === null) return;
    const sStart = sentenceStart(text, f.start);
    // The level a change reaches from a base (由2020年底的5个到10个) is not dated by the base's year: only by a
    // deadline before the base (到2025年).
    const dated = datingYear(text, sStart, level?.kind === 'base' ? Math.max(sStart, level.at) : f.start);
    // A value a change starts from (由20个增加到30个) is not dated by the deadline ahead of its sentence (到2025年).
    const year = dated && !(dated.future && dated.year >= OUTLINE_START && BASE_BEFORE.test(leadOf(text, f.start))) ? dated.year : null;
    const perYear = PER_YEAR.test(text.slice(sStart, f.start));
    const said = comparatorOf(f.words);
    // The level reached (由60%到80%, 提高20%至80%) is at least, as 提高到80% is.
    const comparator = level && !level.down && said === '=' ? '>=' : said;
    if (f.chinese && f.value <= 2 && comparator === '=' && !perYear) return;
    out.push({
      name,
      value: f.value,
      unit: f.unit,
      comparator,
      year,
      perYear,
      raw: text.slice(rawStart, rawEnd),
      span: toOriginalSpan(mt, rawStart, rawEnd),
    });
  });
  reportUnknownUnits(mt, figures, diagnostics);
  return out;
}

function comparatorOf(words: readonly string[]): Comparator {
  if (words.some((w) => TILDE.has(w))) return '~';
  if (words.some((w) => GREATER.has(w))) return '>';
  if (words.some((w) => AT_LEAST.has(w))) return '>=';
  return '=';
}

/**
 * Whether position `s` is inside a target figure. Target figures come in text order, none overlapping: the
 * last starting at or before `s` is the one that can hold it (a binary search: checking them all, for each
 * figure, took 22 s for 10,000).
 */
function isTargetAt(targets: readonly TargetFigure[], s: number): boolean {
  const k = firstKeyAtOrAfter(targets, s + 1, (t) => t.figureStart);
  return k > 0 && s < targets[k - 1]!.figureEnd;
}

/** All figures with a known unit, outside titles and target statements, in order. */
function findFigures(text: string): Figure[] {
  const enclosures = findEnclosures(text);
  const targets = findTargetFigures(text);
  const isTarget = (s: number) => isTargetAt(targets, s);
  const out: Figure[] = [];
  for (const m of findFigureMatches(text)) {
    const start = m.index;
    if (start > 0 && NOT_BEFORE_FIGURE.test(text[start - 1]!)) continue;
    const num = m[G.num]!;
    const unit = m[G.unit]!;
    const chinese = !/\d/u.test(num);
    if (enclosures.inTitle(start) || (chinese && enclosures.inQuote(start))) continue;
    // The target's own figures (15%, and 提高3个百分点 of the same metric) are not indicators.
    if ((unit === '%' || unit.endsWith('百分点')) && isTarget(start)) continue;
    const value = parseChineseNumber(num + (m[G.mult] ?? ''));
    if (value === null) continue;
    const end = start + m[0].length;
    const post = POST_WORD.re.exec(text.slice(end, end + 3))?.[POST_W];
    const head = text.slice(Math.max(0, start - 4), start);
    const pre = (PRE_WORD.re.exec(head)?.[PRE_W] ?? PRE_VERB.re.exec(head)?.[PRE_VERB_W]);
    // The words in this order, those present (a list made once, not filtered from a list with holes).
    const words: string[] = [];
    if (pre !== undefined) words.push(pre);
    if (m[G.range] !== undefined) words.push('至');
    if (m[G.approx] !== undefined) words.push(m[G.approx]!);
    if (post !== undefined) words.push(post);
    const figure: Figure = { start, end, tail: end + (post?.length ?? 0), value, unit: unitOf(unit), words, chinese };
    const last = out[out.length - 1];
    if (last && closesRange(text, last, figure)) {
      // 80%至90%, 10个—15个: one figure, read as at least its lower bound (as 10至15个 is).
      out[out.length - 1] = { ...last, end: figure.end, tail: figure.tail, words: [...last.words, '至', ...figure.words] };
      continue;
    }
    out.push(figure);
  }
  return out;
}

/** The 16 characters before `at`, where a figure's 由/从 or increase word is looked for. */
function leadOf(text: string, at: number): string {
  return text.slice(Math.max(0, at - 16), at);
}

/** A range mark alone between two figures. */
const RANGE_MARK = /^ ?[至到\-－–—~～〜] ?$/u;

/**
 * Whether `next` is the upper bound of a range `prev` opens, each with its unit (80%至90%, 10个—15个). Not after
 * a value reached (由60%到80%, 从2020年的10个至20个: the base and the level), nor after an increase when the
 * upper figure is more than twice the lower (提高20%至80%, 增加5个至20个: the increase and the level reached;
 * 增长10%至15% stays a range).
 */
function closesRange(text: string, prev: Figure, next: Figure): boolean {
  if (!(prev.tail === prev.end && next.unit === prev.unit && next.value > prev.value && RANGE_MARK.test(text.slice(prev.end, next.start)))) return false;
  const before = leadOf(text, prev.start);
  if (BASE_BEFORE.test(before)) return false;
  return !(INCREASE_BEFORE.test(before) && next.value > 2 * prev.value);
}

/** A bare mark at the end of the words between a base and the level it grows to (科普e站到|20个). */
const LEVEL_MARK_END = /\s?[至到\-－–—~～〜]\s?$/u;

/** The figure is the level a change reaches from the figure before it: after its base (由|5个到|10个) or its increase (提高|20%至|80%). */
interface LevelAfter {
  kind: 'base' | 'increase';
  /** Where the base's 由/从 (or the increase word) starts. */
  at: number;
  /** A decrease (由30个减少到20个): the level is not a floor. */
  down: boolean;
}

/** Whether `f` is the level reached from `prev`, the two joined by a bare mark (not merged into a range by {@link closesRange}). */
function levelAfter(text: string, prev: Figure | undefined, f: Figure): LevelAfter | null {
  if (!prev || f.start - prev.tail > 16) return null;
  const between = text.slice(prev.tail, f.start);
  const bare = RANGE_MARK.test(between);
  if (!bare && !NAMED_LEVEL_MARK.test(between)) return null;
  const before = leadOf(text, prev.start);
  const from = prev.start - before.length;
  const base = BASE_BEFORE.exec(before);
  if (base) return { kind: 'base', at: from + base.index, down: DECREASE.test(between) };
  const inc = bare ? INCREASE_BEFORE.exec(before) : null;
  return inc ? { kind: 'increase', at: from + inc.index, down: false } : null;
}

const DECREASE = /减|降|压缩/u;

/** What is counted, then a bare mark, between a base and its level (由10个|科普e站到|20个). */
const NAMED_LEVEL_MARK = /^[^\d。,，;；:：]{1,12}[至到]\s?$/u;

/** 人(次) → 人次, 个百分点 → 百分点; 万元 keeps 元 (the value is scaled). */
function unitOf(unit: string): string {
  if (unit === '人(次)') return '人次';
  if (unit === '个百分点') return '百分点';
  return unit;
}

/**
 * The clause of a figure. When the clause holds other figures, it is cut between them at a 、 or 和/及/与
 * (`创建50个市级科普基地、20个省级科普教育基地`, `实施6项行动和5项工程`).
 */
function rawBounds(text: string, f: Figure, prev: Figure | undefined, next: Figure | undefined): [number, number] {
  let start = clauseStart(text, f.start);
  let end = clauseEnd(text, f.tail);
  if (prev && prev.tail > start) {
    for (let i = f.start - 1; i >= prev.tail; i--) {
      if (BETWEEN_FIGURES.test(text[i]!)) {
        start = i + 1;
        break;
      }
    }
  }
  if (next && next.start < end) {
    for (let i = f.tail; i < next.start; i++) {
      if (BETWEEN_FIGURES.test(text[i]!)) {
        end = i;
        break;
      }
    }
  }
  return [start, end];
}

/**
 * What the figure counts: the words after the unit when they name something (`50个市级科普基地`),
 * else the words before the figure without scope, time and comparator words (`培训科学类教师1000人`).
 * Null when no words are left or the figure counts the plan's own parts (实施5项提升行动).
 */
function nameOf(text: string, rawStart: number, rawEnd: number, f: Figure, prev: Figure | undefined, level: LevelAfter | null): string | null {
  // Before a value reached said in the same clause (由2020年的20个增加到30个), the name ends at it; when that
  // leaves no name (全市从10个科普e站增至20个, 从3个方面建设科普基地30个), the words after the figure before, else all.
  // (从三个维度建设科普大篷车30个: the aspects are no base of the 30, nor its name.)
  const lead = text.slice(rawStart, f.start).replace(ASPECT_PHRASE, '');
  const tidyLead = (s: string) => tidyName(s.replace(NAME_LEAD, '').replace(NAME_TAIL, ''));
  const base = NAME_BASE.exec(lead);
  let before = tidyLead(base ? lead.slice(0, base.index) : lead);
  if (base && hanCount(before) === 0) {
    // (Without the mark before the level: 全市由10个科普e站到20个 names 科普e站.)
    const mid = prev && prev.start >= rawStart + base.index && prev.tail <= f.start ? tidyLead(text.slice(prev.tail, f.start)).replace(LEVEL_MARK_END, '').replace(RISE_END, '') : '';
    before = hanCount(mid) > 0 ? mid : tidyLead(lead);
  }
  // The level an increase reaches (科普大篷车增长5辆至20辆) is named by the words before the increase (科普大篷车).
  if (level?.kind === 'increase' && prev && prev.start >= rawStart) {
    const named = tidyLead(text.slice(rawStart, prev.start).replace(INCREASE_BEFORE, ''));
    if (hanCount(named) > 0) before = named;
  }
  // A change after the base (从10个科普e站增至20个) is no part of what it counts.
  const rise = BASE_BEFORE.test(leadOf(text, f.start)) ? RISE_TO_FROM_BASE : RISE_TO;
  const after = tidyName(text.slice(f.tail, rawEnd).replace(NAME_AFTER_LEAD, '').replace(rise, ''));
  if (f.unit === '项' && STRUCTURE_COUNT_AFTER.test(after) && STRUCTURE_COUNT_BEFORE.test(before.replace(NAME_ORDINAL, ''))) {
    return null;
  }
  const useAfter = hanCount(after) >= 2 && !NAME_AFTER_VERB.test(after);
  const name = useAfter ? after : before;
  return hanCount(name) > 0 ? name : null;
}

/**
 * A value reached named by its 由/从 alone (全市由10个增加到20个科普e站: 由) takes the name of the level it grows to.
 */
function baseNamedByLevel(text: string, f: Figure, next: Figure | undefined, name: string | null): string | null {
  const bare = name === null ? null : NAME_BASE.exec(name);
  if (!next || !bare || bare.index !== 0 || bare[0].length !== name!.length) return name;
  const level = levelAfter(text, f, next);
  if (level?.kind !== 'base') return name;
  const [rawStart, rawEnd] = rawBounds(text, next, f, undefined);
  return nameOf(text, rawStart, rawEnd, next, f, level) ?? name;
}

/** The words of a rise (增加, 扩大 …: those of INCREASE_BEFORE, and 发展, 拓展, 扩展). */
const RISE_WORD = '(?:增加|增长|提高|提升|新增|上升|扩大|发展|拓展|扩展)';
/** A figure's first character, as a lookahead's class: a digit or a Chinese numeral. */
const COUNT_DIGIT = '[\\d零〇一二两三四五六七八九十]';
/** The marks of a rise to a level (`marks`, alternatives), the figure after them and all that follows. */
const riseTo = (marks: string) => new RegExp(`(?:${marks})(?= ?${COUNT_DIGIT})[\\s\\S]*$`, 'u');
/** A rise to a level and what follows it (增至20个, 扩大到2000名); not a name that holds one (提升到户服务站). */
const RISE_TO = riseTo(`增至|${RISE_WORD}(?:到|至)`);
/** After a value reached, a bare mark to its level too (由10个科普e站到20个, 由10个科普基地达到20个). */
const RISE_TO_FROM_BASE = riseTo(`增至|达到|${RISE_WORD}?(?:到|至)`);

/** A rise word left before the mark of the level (科普教育基地增加|至20个). */
const RISE_END = new RegExp(`${RISE_WORD}$`, 'u');

/** The aspects a text is laid out in (方面, 维度 …: 从五个方面, 从以下3个维度), and what leads them (从, 从以下, 从这 …). */
const ASPECT_WORDS = '(?:方面|维度|层面|角度|环节|方向|途径|渠道|领域|板块)';
const ASPECT_LEADS = '从(?:以下|如下|下列|上述|这)?';
/** An aspect right after 个. */
const ASPECT = new RegExp(`^${ASPECT_WORDS}`, 'u');
/** The lead of aspects right before their count. */
const ASPECT_LEAD = new RegExp(`${ASPECT_LEADS}$`, 'u');
/** A whole phrase of aspects, not a count a rise starts from (从3个领域拓展到8个). */
const ASPECT_PHRASE = new RegExp(`${ASPECT_LEADS}${COUNT_DIGIT}{1,3} ?个${ASPECT_WORDS}(?!${RISE_WORD}?(?:到|至))`, 'gu');

/** 不少于500场 is known; 不少于500X with an unknown X gets a diagnostic, so the unit list can grow. */
function reportUnknownUnits(mt: MappedText, figures: readonly Figure[], diagnostics: Diagnostic[]): void {
  const targets = findTargetFigures(mt.text);
  for (const m of mt.text.matchAll(UNITLESS_FIGURE)) {
    const numStart = m.index + m[0].length - 1 - m.groups!['num']!.length;
    // (Nor the lower figure of a target's range: 达到12至13%.)
    if (figures.some((f) => f.start === numStart) || isTargetAt(targets, numStart)) continue;
    diagnostics.push({
      code: 'indicator/unit-unknown',
      severity: 'info',
      message: `figure ${m.groups!['num']} followed by unknown unit ${m.groups!['next']}`,
      span: toOriginalSpan(mt, m.index, m.index + m[0].length),
    });
  }
}
