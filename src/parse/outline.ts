import { firstKeyAtOrAfter } from '../text/sorted.js';
import type { AgencyRole, PartKind, SectionKind } from '../model/plan.js';
import { DATE_CELL, findTableHeader, splitTabs, trimCell, type TableColumn, type TableHeader } from '../extract/extract-annex-agencies.js';
import { AGENCY_END, ANNEX_ROW_NUMBER, GENERIC_UNIT, OFFICE_WORDS, ROLE_LINE } from '../extract/internal/patterns.js';
import { isWhiteSpace } from '../text/white-space.js';
import { chineseOrdinal, findHeadingMarkers, type HeadingMarker } from './headings.js';

/** A range of the normalised text; `end` exclusive. */
export interface Range {
  start: number;
  end: number;
}

export interface OutlineMeasure {
  label: string | null;
  title: Range;
  range: Range;
  /** A task table's row: the end of its task cell (the measure's body), and its cells of units with their role. */
  row?: { bodyEnd: number; units: { start: number; end: number; role: AgencyRole }[] };
}

export interface OutlineSection {
  kind: SectionKind;
  label: string | null;
  ordinal: number;
  ocr: boolean;
  /** The heading was glued to the sentence after it (`…提升行动推动形成…。`). */
  glued: boolean;
  title: Range;
  range: Range;
  /** Text between the heading and the first measure. */
  intro: Range;
  measures: OutlineMeasure[];
}

export interface OutlinePart {
  kind: PartKind;
  label: string | null;
  title: Range;
  range: Range;
}

export interface Outline {
  title: Range | null;
  parts: OutlinePart[];
  sections: OutlineSection[];
}

const SECTION_TITLE = /(行动|工程)$/u;
/** Where a section title glued to the next sentence ends: the first 行动/工程 (or 计划) after a few characters. */
const SECTION_END = /^.{2,30}?(提升行动|行动|工程)/u;
const MAX_TITLE = 60;

/**
 * Reads the outline of a plan: its title, its top-level parts (goals, tasks, organisation, annex …),
 * the actions and projects as sections, and their items as measures. Works on normalised text and
 * returns ranges in it.
 */
export function readOutline(text: string): Outline {
  const markers = findHeadingMarkers(text);
  const parts = readParts(text, markers);
  const sections = readSections(text, markers, parts);
  // A plan sent as a notice's attachment may open with 附件 (附件1, 附件:) before its title.
  const opening = parts.find((p) => p.kind === 'annex' && text.slice(0, p.range.start).trim() === '');
  const firstPart = parts.find((p) => (p.kind !== 'preamble' || p.label !== null) && p !== opening);
  let title = findTitle(text, firstPart?.range.start ?? text.length, opening !== undefined);
  // A notice whose plan is its attachment (…现印发给你们 / 附件 / 某某县…实施方案): the title after 附件.
  // The notice may list its attachments first (附件:1.某某县…实施方案 / 2.… / 签发 / 附件1 / 某某县…实施方案).
  if (!title && firstPart?.kind === 'annex' && sendsAnnex(text.slice(0, firstPart.range.start))) {
    for (let i = parts.indexOf(firstPart); !title && parts[i]?.kind === 'annex'; i++) title = findTitle(text, parts[i + 1]?.range.start ?? text.length, true, parts[i]!.range.start);
  }
  return { title, parts, sections };
}

// ---------------------------------------------------------------------------------------------
// title

/**
 * What sends a document as its attachment, outside 《》 (关于印发, 现印发给你们, 现予印发, a line ending 的通知): not
 * a plan citing a notice (为贯彻落实《国务院关于印发…的通知》精神) or naming one (根据上级通知要求, 省科协印发的).
 */
const SENDS = /关于印发|印发给|印发你们|予印发|现印发|印发[,，。]|转发给|的通知[ \t]*$/mu;
const CITED = /《[^《》\n]*》/gu;

function sendsAnnex(before: string): boolean {
  return SENDS.test(before.replace(CITED, ''));
}

/** What a plan's title ends with, as alternatives of a regex source. */
const PLAN_NAMES = '实施方案|行动方案|工作方案|实施意见|实施计划|行动计划|规划纲要|工作要点|工作计划|任务清单';
const TITLE_WORDS = new RegExp(`(${PLAN_NAMES}|纲要)`, 'u');
const TITLE_LINE = new RegExp(`^(?<t>[^。,;:]{4,60}(${PLAN_NAMES})(\\([^()]{4,20}\\))?)`, 'u');
/** A notice, a sentence's opening, or a web page's breadcrumb (首页 > 政务公开 > 工作计划). */
const NOT_TITLE = /关于印发|通知|印发给|^(现将|根据|为|按照|依据|首页)|[>»›]/u;
/** What follows a title's words on their line when they open a sentence's clause (…制定2023年度工作计划,报市科协备案。). */
const CLAUSE_AFTER = /^\s*[,;，；]/u;
const CLOSE_TITLE_MARK = 0x300b; // 》
/** A whole line that is a sentence (…结合《2023年全民科学素质工作要点》抓好落实。). */
const SENTENCE_LINE = /[。！？]\s*$/u;

/** A line opening with a list number (1. / 1 / (1) / (一) / 一、 / ①): a row of a table or list, not a title. */
const LIST_ITEM = /^(?:\d{1,3}(?![\d年])|\([一二三四五六七八九十\d]{1,3}\)|[一二三四五六七八九十]{1,3}、|[\u2460-\u2487])/u;
/** What an annex's first line opens with (附件1: 某某县…实施方案). */
const ANNEX_HEAD = /^(?:附件|附表)\s*\d*\s*[:：]?\s*/u;

/**
 * The plan's own title: the first line naming a 方案/计划 that is not a notice (关于印发…的通知), from `from`
 * up to `limit`. In a text that opens with 附件, or read from a 附件 line (`annex`), not a row of its list
 * or table (附件 / 任务分工 / 1 制定年度工作计划 …), and not the 附件1: before a title on its line.
 */
function findTitle(text: string, limit: number, annex = false, from = 0): Range | null {
  const lines = linesOf(text, from, Math.min(limit, text.length));
  if (annex && lines[0]) {
    const head = ANNEX_HEAD.exec(text.slice(lines[0].start, lines[0].end))?.[0].length ?? 0;
    if (lines[0].start + head < lines[0].end) lines[0] = { start: lines[0].start + head, end: lines[0].end };
  }
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const s = text.slice(l.start, l.end);
    if (annex && LIST_ITEM.test(s)) continue;
    const m = TITLE_LINE.exec(s);
    const candidate = m ? m.groups!['t']! : s;
    if (!TITLE_WORDS.test(candidate) || NOT_TITLE.test(candidate) || candidate.length > MAX_TITLE) continue;
    // A plan cited in a notice's sentence (《某某县…实施方案》已经县人民政府同意…) is no title.
    if (m && s.charCodeAt(candidate.length) === CLOSE_TITLE_MARK) continue;
    // A clause or a sentence naming a 工作计划 or 工作要点 is no title (its year was taken for the plan's).
    if (m ? CLAUSE_AFTER.test(s.slice(candidate.length)) : SENTENCE_LINE.test(s)) continue;
    let end = l.start + candidate.length;
    // A title broken over lines: 砀山县…纲要 / 实施方案(2021-2025年), or 中山市…实施方案 / (2022-2025年)
    if (end === l.end) {
      for (let j = i + 1; j < lines.length && j <= i + 2; j++) {
        const n = lines[j]!;
        const ns = text.slice(n.start, n.end);
        if (/^(实施方案|方案|\(\d{4}|\(\d{8})/u.test(ns) && ns.length <= 30) end = n.end;
        else break;
      }
    }
    let start = l.start;
    if (i > 0 && titleHead(text, lines[i - 1]!, l.start, candidate)) {
      start = lines[i - 1]!.start;
      // A title over three lines: a place alone before the two (某某县 / 全民科学素质行动 / 实施方案).
      if (i > 1 && titleHead(text, lines[i - 2]!, start, text.slice(start, end))) start = lines[i - 2]!.start;
    }
    return { start, end };
  }
  return null;
}

/** A title's first line, broken before its plan's name: a place or a year (某某市2023年 / 全民科学素质工作要点). */
const HEAD_PLACE = /^[^\s。，,;；:：、“”《》]{1,20}[市县区省州盟旗]$/u;
const HEAD_YEAR = /^[^\s。，,;；:：、“”《》]{0,20}\d{4}年度?$/u;
/** Any short line without a sentence's punctuation (before a title line that is only the plan's name). */
const HEAD_ANY = /^[^\s。，,;；:：、“”《》]{4,40}$/u;
/** What such a line is when it is not a title's head: a date (2023年5月12日), a document number (〔2023〕5号), a page's header or footer (第1页), an address. */
const NOT_HEAD = /\d{1,2}月|[〔\[［(（]\d{4}|\d号$|第\d+页|\d{4}-\d{1,2}|www|\.(?:cn|com|gov)/iu;
/** A head has words (not a page number or an address alone). */
const HAN_HEAD = /\p{Script=Han}{2}/u;
/** What the plan is about, which a head before a title that is only the plan's name names (not an issuer alone: 中共某某县委办公室). */
const TOPIC = /科学素质|科普|科学|纲要/u;
const BARE_YEAR = /^\d{4}年度?$/u;
/** The name of a plan for one year. */
const ANNUAL = /工作要点|工作计划|年度/u;
const PLACE = /[市县区省州盟旗]/u;
const YEAR = /\d{4}年/u;
/** A title line that is only a plan's name (工作要点, 实施方案(2021—2025年), 规划纲要实施方案, 2022年任务清单). */
const ONLY_NAME = new RegExp(`^(?:\\d{4}年度?)?(?:规划纲要|纲要)?(?:${PLAN_NAMES})(?:\\([^()]{4,20}\\))?$`, 'u');
/** A line that stops inside a plan's name (某某县全民科学素质 / 行动实施方案). */
const BROKEN_HEAD = /(全民|科学|素质|科普)$/u;
/** A line that stops inside 全民科学素质 itself. */
const BROKEN_NAME = /全民(?:科学(?:素质)?)?$/u;

/**
 * Whether the line `prev`, right before the title's line at `start` (no blank line between), is the
 * title's head, not a notice: a place before a title line naming none (某某市 / 2023年全民科学素质工作要点),
 * a year before one naming none (某某市2023年 / 全民科学素质工作要点), or any short line before a title
 * line that is only the plan's name (2023年某某市全民科学素质 / 工作要点) or the rest of a name the line
 * breaks (某某县全民科学素质 / 行动实施方案).
 */
function titleHead(text: string, prev: Range, start: number, title: string): boolean {
  const gap = text.slice(prev.end, start);
  const breaks = gap.split('\n').length - 1;
  if (gap.trim() !== '' || breaks > 2) return false;
  const head = text.slice(prev.start, prev.end).trim();
  // One blank line between (a cover's spacing) only after a place alone or a line that stops inside the name.
  // (a line stopping inside the name names a place or a year, or stops in 全民科学素质: not a slogan, 人人学科学)
  const stops = BROKEN_HEAD.test(head) && (PLACE.test(head) || YEAR.test(head) || BROKEN_NAME.test(head));
  if (breaks === 2 && !HEAD_PLACE.test(head) && !stops) return false;
  if (NOT_TITLE.test(head)) return false;
  const before = title.slice(0, Math.max(0, title.search(TITLE_WORDS)));
  const broken = stops && !PLACE.test(before);
  if (ONLY_NAME.test(title) || broken) return HEAD_ANY.test(head) && HAN_HEAD.test(head) && TOPIC.test(broken ? head + title : head) && !NOT_HEAD.test(head);
  // A year alone on its line may be a cover's date: the head of a plan for a year (工作要点) only.
  if (HEAD_YEAR.test(head)) return !YEAR.test(title) && (!BARE_YEAR.test(head) || ANNUAL.test(title));
  return HEAD_PLACE.test(head) && !PLACE.test(before);
}

// ---------------------------------------------------------------------------------------------
// parts

/** A part of tasks named by its actions, projects or tasks (重点任务, 提升行动, 重点工程). */
const TASKS_NAMED = /^.{0,8}(行动|工程|任务|举措)/u;

const PART_RULES: readonly [RegExp, PartKind][] = [
  [/^(组织|保障|保证|实施保障|工作要求|进度|步骤|实施步骤|监测|考核)/u, 'organisation'],
  [/^(.{0,6})(保障措施|组织实施|组织领导|保障条件)/u, 'organisation'],
  [/^(前言|背景|形势|现状)/u, 'preamble'],
  [/^(指导思想|基本原则|工作原则|原则)/u, 'principles'],
  [/^(总体要求|总体目标|主要目标|发展目标|目标|工作目标)/u, 'goals'],
  [TASKS_NAMED, 'tasks'],
  // A part named by its projects or its work alone (重点项目, 重点项目建设, 主要工作, 2023年重点工作) — not
  // 项目资金保障, 项目背景, 主要工作目标, 重点工作保障.
  [/^.{0,8}项目(?:建设|安排)?(?![^\n。:;])|^.{0,6}(?:主要|重点)工作(?:任务|安排)?(?![^\n。:;])/u, 'tasks'],
];

function readParts(text: string, markers: HeadingMarker[]): OutlinePart[] {
  const l1 = markers.filter((m) => m.level === 'l1');
  const starts: { at: number; label: string | null; textStart: number }[] = l1.map((m) => ({
    at: m.start,
    label: m.label,
    textStart: m.textStart,
  }));
  for (const at of annexLines(text)) starts.push({ at, label: null, textStart: at });
  starts.sort((a, b) => a.at - b.at);
  const parts: OutlinePart[] = [];
  const first = starts[0]?.at ?? text.length;
  if (first > 0) parts.push({ kind: 'preamble', label: null, title: { start: 0, end: 0 }, range: { start: 0, end: first } });
  starts.forEach((s, i) => {
    const end = starts[i + 1]?.at ?? text.length;
    const head = text.slice(s.textStart, Math.min(end, s.textStart + 16));
    const annex = s.label === null;
    const kind: PartKind = annex ? 'annex' : (PART_RULES.find(([re]) => re.test(head))?.[1] ?? 'other');
    parts.push({ kind, label: s.label, title: headingTitle(text, s.textStart, end), range: { start: s.at, end } });
  });
  // A plan with no part named by its tasks or actions (a 重点项目 part aside) has them under its 措施
  // (三、主要措施 / (一)提升青少年科学素质): those parts hold its sections (保障措施 is organisation, read before).
  // Not after a part named by its work (重点工作, 主要工作), nor when actions stand under another part
  // (三、重点内容 / (一)…提升行动), nor when the part holds only organisation (加强组织领导, 加强经费保障).
  const named = (p: OutlinePart) => text.slice(p.title.start, p.title.end);
  if (!parts.some((p) => p.kind === 'tasks' && (TASKS_NAMED.test(named(p)) || WORK_NAMED.test(named(p))))) {
    const l2 = markers.filter((m) => m.level === 'l2');
    const tasks = parts.filter((q) => q.kind === 'tasks');
    // Headings named as actions or projects outside the task parts; each part's found by binary search
    // (a scan of them all for each part grew with their product).
    const actions = l2.filter((m) => partAt(tasks, m.start) === undefined && SECTION_TITLE.test(titleText(text, m)));
    const within = <M extends { start: number }>(ms: readonly M[], p: OutlinePart) => [firstKeyAtOrAfter(ms, p.range.start, startOf), firstKeyAtOrAfter(ms, p.range.end, startOf)] as const;
    for (const p of parts) {
      if (p.kind !== 'other' || !MEASURES_NAMED.test(named(p))) continue;
      const [a, b] = within(actions, p);
      if (actions.length > b - a) continue;
      const [from, to] = within(l2, p);
      let organisation = to > from;
      for (let k = from; k < to && organisation; k++) organisation = ORG_HEAD.test(titleText(text, l2[k]!));
      if (!organisation) p.kind = 'tasks';
    }
  }
  return parts;
}

/** A part named by its measures (主要措施, 工作措施, 具体措施, 工作重点), without another word after. */
const MEASURES_NAMED = /^.{0,6}(?:措施|工作重点)(?:和要求)?$/u;
/** A part named by its work (重点工作, 主要工作): it holds the plan's tasks. */
const WORK_NAMED = /^.{0,6}(?:主要|重点)工作/u;
/** A heading of organisation, not of tasks (加强组织领导, 加强经费保障, 加强宣传引导, 强化督查考核). */
const ORG_HEAD = /组织|领导|经费|资金|保障|宣传|舆论|督查|督导|督促|考核|评估|协调|责任|队伍建设|工作机制|统筹/u;

/**
 * Starts of the lines that open with 附件 / 附表: the matches of /(?:^|\n)(附件|附表)\s*\d*\s*[:：]?/gu,
 * found from the words with indexOf. A match runs on over spaces (line breaks too), digits and a colon,
 * and the next one needs its own line break after that.
 */
function annexLines(text: string): number[] {
  const out: number[] = [];
  let from = 0;
  let a = text.indexOf('附件');
  let b = text.indexOf('附表');
  while (a >= 0 || b >= 0) {
    const at = b < 0 || (a >= 0 && a < b) ? a : b;
    if (at === a) a = text.indexOf('附件', a + 1);
    else b = text.indexOf('附表', b + 1);
    if (at > 0 && (text.charCodeAt(at - 1) !== NEWLINE || at - 1 < from)) continue;
    if (at === 0 && from > 0) continue;
    out.push(at);
    let e = at + 2;
    while (e < text.length && isWhiteSpace(text.charCodeAt(e))) e++;
    while (e < text.length && isAsciiDigit(text.charCodeAt(e))) e++;
    while (e < text.length && isWhiteSpace(text.charCodeAt(e))) e++;
    if (text[e] === ':' || text[e] === '：') e++;
    from = e;
  }
  return out;
}

function isAsciiDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

// ---------------------------------------------------------------------------------------------
// sections

function readSections(text: string, markers: HeadingMarker[], parts: OutlinePart[]): OutlineSection[] {
  const taskParts = parts.filter((p) => p.kind === 'tasks');
  const inTasks = (at: number) => partAt(taskParts, at) !== undefined;
  const l1Sections = markers.filter((m) => m.level === 'l1' && SECTION_TITLE.test(titleText(text, m)));
  // Plans that number their actions and projects at the top level (一、实施青少年科学素质提升行动).
  const sectionLevel = l1Sections.length >= 3 ? 'l1' : 'l2';
  let heads = markers.filter((m) => m.level === sectionLevel && (sectionLevel === 'l1' || inTasks(m.start)));
  const titled = (m: HeadingMarker) => m.level === 'l2' && SECTION_TITLE.test(titleText(text, m));
  if (heads.length === 0) heads = markers.filter(titled);
  else if (sectionLevel === 'l2' && !heads.some((m) => TASKS_NAMED.test(partTitleAt(text, taskParts, m.start)))) {
    // Only parts named by their projects or work (重点项目, 主要工作) hold sections: the actions and
    // projects a plan writes under a part named otherwise (三、主要措施 / (一)青少年科学素质提升行动) are its
    // sections too, as in a plan without such parts.
    heads = markers.filter((m) => m.level === 'l2' && (inTasks(m.start) || titled(m)));
  }
  if (sectionLevel === 'l1') heads = l1Sections;
  if (heads.length === 0) return tableSections(text, parts);
  const sections: OutlineSection[] = [];
  // Where each section was read (to read it again, below).
  const read: { h: HeadingMarker; end: number }[] = [];
  // A task table whose rows stand under the sections (序号 / 具体任务 / 牵头单位 … / 一、…提升行动 / 1 / …).
  const table = findTableHeader(text, 0, heads[0]!.start);
  for (let i = 0; i < heads.length; i++) {
    const h = heads[i]!;
    const next = heads[i + 1]?.start ?? text.length;
    // A section ends at the next head, or at the next l1 marker or part start after it (one pass, no list of them).
    let end = Math.min(next, text.length);
    for (let k = firstFrom(markers, h.start + 1); k < markers.length && markers[k]!.start < end; k++) {
      if (markers[k]!.level === 'l1') {
        end = markers[k]!.start;
        break;
      }
    }
    // …or at the first part starting after its head.
    const after = parts[firstKeyAtOrAfter(parts, h.start + 1, partStart)];
    if (after && after.range.start < end) end = after.range.start;
    const sec = readSection(text, h, end, markers, sectionLevel, parts, false, table);
    if (sec) {
      sections.push(sec);
      read.push({ h, end });
    }
  }
  // A plan that writes its measures as paragraphs, each opened by a sentence heading and nothing before the
  // first (青少年科学素质提升行动 / 激发青少年好奇心。开展… / 推进课后服务。…), writes so a section with one such
  // paragraph too: that paragraph is its measure. Elsewhere one short first sentence may be an intro's.
  if (sections.some((sec) => headsItsParagraphs(text, sec))) {
    sections.forEach((sec, i) => {
      if (sec.measures.length === 0) sections[i] = readSection(text, read[i]!.h, read[i]!.end, markers, sectionLevel, parts, true, table) ?? sec;
    });
  }
  return sections;
}

/** Whether a section's measures are sentence headings (two or more, no label), the first opening its body. */
function headsItsParagraphs(text: string, sec: OutlineSection): boolean {
  return sec.measures.length >= 2 && sec.measures[0]!.label === null && !sec.glued && text.slice(sec.intro.start, sec.intro.end).trim() === '';
}

function readSection(
  text: string,
  h: HeadingMarker,
  end: number,
  markers: HeadingMarker[],
  sectionLevel: 'l1' | 'l2',
  parts: OutlinePart[],
  oneHeading = false,
  table: TableHeader | null = null,
): OutlineSection | null {
  let title = headingTitle(text, h.textStart, end);
  let glued = false;
  const raw = text.slice(title.start, title.end);
  // A heading run into the sentence after it ends in 。 on the same line; one on its own line is whole.
  if (text[title.end] === '。') {
    const m = SECTION_END.exec(raw);
    if (m && m[0].length < raw.length) {
      title = { start: title.start, end: title.start + m[0].length };
      glued = true;
    }
  }
  const end2 = trimGroupLine(text, title.end, end);
  const range = { start: h.start, end: end2 };
  const bodyStart = glued ? title.end : skipLine(text, title.end, end2);
  let items = itemMarkers(markers, title.end, end2, sectionLevel);
  if (items[0]?.level === 'l4' && l4ListOfAMeasure(text, bodyStart, markers, items, end2)) items = [];
  const measures: OutlineMeasure[] = items.map((m, i) => {
    const mEnd = items[i + 1]?.start ?? end2;
    return { label: m.label, title: measureTitle(text, m.textStart, mEnd), range: { start: m.start, end: mEnd } };
  });
  const introEnd = measures[0]?.range.start ?? end2;
  let intro: Range = { start: Math.min(bodyStart, introEnd), end: introEnd };
  // A table of the section's own, its header first in its body (一、青少年科学素质提升行动 / 序号 / 重点任务 / …),
  // or the plan's, its header before the first section.
  const own = ownTableHeader(text, bodyStart, end2);
  if (own || table) {
    // The rows of the task table under its heading: its measures (their cells are no sentence headings,
    // their numbers 1. / 1、 alone on a line no items of their own).
    const rows = !measures.every((m) => aloneOnLine(text, m.range.start)) ? [] : own ? tableRows(text, own.end, end2, own) : tableRows(text, bodyStart, end2, table!, numberLineBefore(text, h.start));
    if (rows.length > 0) {
      measures.length = 0;
      for (const r of rows) measures.push(r.measure);
      intro = { start: bodyStart, end: measures[0]!.range.start };
    }
  }
  if (measures.length === 0) {
    let inline = inlineMeasures(text, bodyStart, end2, glued, oneHeading);
    if (inline.length === 0) inline = ordinalMeasures(text, bodyStart, end2);
    // A loop, not push(...inline): a spread of 130,000 arguments overflows the stack.
    for (const m of inline) measures.push(m);
    intro = { start: bodyStart, end: inline[0]?.range.start ?? end2 };
  }
  const kind = sectionKind(text.slice(title.start, title.end), h.start, text, parts);
  return { kind, label: h.label, ordinal: h.ordinal, ocr: h.ocr, glued, title, range, intro, measures };
}

/**
 * The markers of a section's items in [from, end): those of the outermost item level present (a (一)
 * list in an l1 section, else 1., —— or, in a section without those or whose —— stand under its (1) / ①,
 * (1) / ①). Two passes over the markers, no list per level.
 */
function itemMarkers(markers: readonly HeadingMarker[], from: number, end: number, sectionLevel: 'l1' | 'l2'): HeadingMarker[] {
  let l2 = false;
  let l3 = false;
  let dash = false;
  // The (1) / ① before the first ——, and the ordinal of the first after it: the dashes are bullets under
  // the (1) items when they come between them and the numbering goes on after them (not the measures
  // after a list of the intro's, nor measures with lists of their own starting again at (1)).
  let l4BeforeDash = 0;
  let l4AfterDash = 0;
  const first = firstFrom(markers, from);
  let past = first;
  for (; past < markers.length && markers[past]!.start < end; past++) {
    const level = markers[past]!.level;
    if (level === 'l2') l2 = true;
    else if (level === 'l3') l3 = true;
    else if (level === 'dash') dash = true;
    else if (level === 'l4') {
      if (!dash) l4BeforeDash++;
      else if (l4AfterDash === 0) l4AfterDash = markers[past]!.ordinal || -1;
    }
  }
  const l4 = l4BeforeDash > 0 || l4AfterDash !== 0;
  const dashesUnderL4 = l4BeforeDash > 0 && l4AfterDash > 1;
  // (1) and ① number a measure's own list, unless the section has no other items (or only —— bullets
  // under them).
  const level = sectionLevel === 'l1' && l2 ? 'l2' : l3 ? 'l3' : dash && !dashesUnderL4 ? 'dash' : l4 ? 'l4' : null;
  const items: HeadingMarker[] = [];
  if (level === null) return items;
  const forms = level === 'l4' ? l4Forms(markers, first, past) : 7;
  for (let k = first; k < past; k++) {
    const m = markers[k]!;
    if (m.level === level && (level !== 'l4' || forms & (1 << l4Form(m)))) items.push(m);
  }
  return items;
}

/**
 * Of (1), ① and ⑴ in markers [first, past), the forms of the section's items (a bit each): the first
 * one's, and a form met only after its last (a list of the last item's or the items after a list of the
 * intro's: which, the markers do not tell); a form met between two of the first form is an item's own.
 */
function l4Forms(markers: readonly HeadingMarker[], first: number, past: number): number {
  let form = -1;
  let forms = 0;
  let between = 0;
  for (let k = first; k < past; k++) {
    const m = markers[k]!;
    if (m.level !== 'l4') continue;
    const f = l4Form(m);
    if (form < 0) form = f;
    if (f === form) between |= forms;
    else forms |= 1 << f;
  }
  return (1 << form) | (forms & ~between);
}

/** The form of an l4 marker: 0 for (1), 1 for ①, 2 for ⑴. */
function l4Form(m: HeadingMarker): number {
  const c = m.label.charCodeAt(0);
  return c === 0x28 ? 0 : c < 0x2474 ? 1 : 2;
}

/**
 * Whether a section's (1) / ① list is the own list of measures written as sentence headings
 * (激发青少年好奇心和想象力。开展… / 重点开展以下工作: / (1)… / (2)…): its numbering starts again, or such a
 * heading has its body on its line before the list, or two follow the line of the section's last (1) / ①.
 */
function l4ListOfAMeasure(text: string, bodyStart: number, markers: readonly HeadingMarker[], items: readonly HeadingMarker[], end: number): boolean {
  // Numbering that starts again ((1) (2) (3) (1) (2) …): lists of several measures.
  const lastOf = [0, 0, 0];
  for (const m of items) {
    const f = l4Form(m);
    if (m.ordinal <= lastOf[f]!) return true;
    lastOf[f] = m.ordinal;
  }
  // Items that are measures themselves, each a heading with its body on its line ((1)加强科学教育。开展活动。):
  // the section's measures, whatever comes before them.
  if (items.length >= 2 && items.every((m) => headedItem(text, m.textStart, end))) return false;
  const first = items[0]!.start;
  const sentences = splitSentences(text, bodyStart, first);
  // A heading with its body on the next line (激发青少年好奇心和想象力。/ 增强科学兴趣,重点开展以下工作:).
  let headed = false;
  for (let i = 0; i + 1 < sentences.length; i++) {
    if (!isHeadingSentence(text, sentences[i]!)) continue;
    if (sentences[i + 1]!.start === sentences[i]!.end) return true;
    if (!isHeadingSentence(text, sentences[i + 1]!)) headed = true;
  }
  // After the line of the last (1), ① or ⑴ of the section (of any form).
  let last = first;
  for (let k = firstFrom(markers, first); k < markers.length && markers[k]!.start < end; k++) if (markers[k]!.level === 'l4') last = markers[k]!.start;
  let lineEnd = text.indexOf('\n', last);
  if (lineEnd < 0 || lineEnd > end) lineEnd = end;
  // Such a heading before the list and one with a body after it: measures, the list the first one's.
  if (headed) {
    const after = splitSentences(text, lineEnd, end);
    for (let i = 0; i + 1 < after.length; i++) if (isHeadingSentence(text, after[i]!)) return true;
  }
  return inlineMeasures(text, lineEnd, end, false).length >= 2;
}

/** Whether the item whose text starts at `from` is a sentence heading with more text after it on its line. */
function headedItem(text: string, from: number, end: number): boolean {
  let lineEnd = text.indexOf('\n', from);
  if (lineEnd < 0 || lineEnd > end) lineEnd = end;
  // (Looked for on the item's line only: each line once, however many items.)
  let stop = from;
  while (stop < lineEnd && text[stop] !== '。') stop++;
  if (stop >= lineEnd) return false;
  return isHeadingSentence(text, { start: from, end: stop + 1 }) && text.slice(stop + 1, lineEnd).trim() !== '';
}

/** The index of the first marker starting at or after `at` (markers are in text order). */
function firstFrom(markers: readonly HeadingMarker[], at: number): number {
  return firstKeyAtOrAfter(markers, at, startOf);
}

const startOf = (m: { start: number }) => m.start;
const partStart = (p: { range: Range }) => p.range.start;

/**
 * The part holding `at`, or undefined (parts are in text order and none overlap: a binary search,
 * where a scan of them all for each of thousands of headings grew with their product).
 */
function partAt<P extends { range: Range }>(parts: readonly P[], at: number): P | undefined {
  const p = parts[firstKeyAtOrAfter(parts, at + 1, partStart) - 1];
  return p && at < p.range.end ? p : undefined;
}

/** The title of the part among `parts` holding `at` ('' when none). */
function partTitleAt(text: string, parts: readonly OutlinePart[], at: number): string {
  const p = partAt(parts, at);
  return p ? text.slice(p.title.start, p.title.end) : '';
}

function sectionKind(title: string, at: number, text: string, parts: OutlinePart[]): SectionKind {
  if (/工程$/u.test(title)) return 'project';
  if (/行动$/u.test(title)) return 'action';
  // The group the section sits in: an unnumbered 提升行动 / 重点工程 line, else its part's title.
  // Within the section's part, from a line's start (not the end of the last section's line: …提升行动).
  const part = partAt(parts, at);
  let from = Math.max(part?.range.start ?? 0, at - 400);
  // (At most 400 units looked at: a search to the next line break could cross the whole text.)
  if (from > 0 && text.charCodeAt(from - 1) !== NEWLINE) {
    while (from < at && text.charCodeAt(from) !== NEWLINE) from++;
    from = Math.min(from + 1, at);
  }
  const before = text.slice(from, at);
  const group = [...before.matchAll(/(?:^|\n)([^\n。]{0,10}(行动|工程))\n/gu)].pop();
  const label = group?.[1] ?? (part ? text.slice(part.title.start, part.title.end) : '');
  if (/工程|项目/u.test(label)) return 'project';
  if (/行动/u.test(label)) return 'action';
  return 'other';
}

/** An unnumbered group line (拉萨: 提升工程) right before the next section belongs to neither section. */
function trimGroupLine(text: string, from: number, end: number): number {
  // What /\n([^\n。,]{2,12})\n*$/u finds in text.slice(from, end): the last line (before trailing
  // breaks), when a break precedes it inside the range and it is 2–12 units without 。 or ,.
  let e = end;
  while (e > from && text.charCodeAt(e - 1) === NEWLINE) e--;
  // 2–12 code points: at most 24 units. (The break looked for that far back only: a search back to the
  // line's start, for each of thousands of sections on one line, grew with their square.)
  let nl = e - 1;
  const low = Math.max(from, e - 26);
  while (nl >= low && text.charCodeAt(nl) !== NEWLINE) nl--;
  if (nl < low || e - nl - 1 < 2 || e - nl - 1 > 24) return end;
  const line = text.slice(nl + 1, e);
  const length = e - nl - 1 > 12 ? [...line].length : e - nl - 1;
  if (length < 2 || length > 12 || line.includes('。') || line.includes(',')) return end;
  return /(行动|工程|任务)$/u.test(line) ? nl + 1 : end;
}

const NEWLINE = 0x0a;

// ---------------------------------------------------------------------------------------------
// measures written as sentence headings: 实施全链条青少年科学教育。加强…

const MAX_INLINE_HEADING = 18;

/**
 * `oneHeading`: one heading is enough when it is the first sentence (the plan writes its measures so: see
 * `readSections`). After a glued section title one is enough anyway.
 */
function inlineMeasures(text: string, start: number, end: number, glued: boolean, oneHeading = false): OutlineMeasure[] {
  const sentences = splitSentences(text, start, end);
  const isHeading = (r: Range) => isHeadingSentence(text, r);
  // A heading sentence is short and plain, has a body after it, and never directly follows another
  // heading (of two short sentences in a row, the first is the heading and the second starts its body).
  // After a glued section title the first sentence is a heading.
  const heads: Range[] = [];
  let last = -2;
  sentences.forEach((r, i) => {
    const first = glued && i === 0;
    if (!sentences[i + 1] || i === last + 1 || !(first || isHeading(r))) return;
    heads.push(r);
    last = i;
  });
  if (heads.length < 2 && !(heads.length === 1 && (glued || (oneHeading && heads[0] === sentences[0] && hasBody(text, sentences))))) return [];
  return heads.map((r, i) => ({
    label: null,
    title: { start: r.start, end: r.end - (text[r.end - 1] === '。' ? 1 : 0) },
    range: { start: r.start, end: heads[i + 1]?.start ?? end },
  }));
}

/**
 * Whether some sentence after the first is a body, not a note: a section of one sentence and its units
 * (推进科普信息化建设。(责任单位:县科技局) / …。牵头单位:县科协) has no measure under it.
 */
function hasBody(text: string, sentences: readonly Range[]): boolean {
  for (let i = 1; i < sentences.length; i++) {
    const r = sentences[i]!;
    let a = r.start;
    while (a < r.end && isWhiteSpace(text.charCodeAt(a))) a++;
    if (a < r.end && text.charCodeAt(a) !== 0x28 && !ROLE_LINE.test(text.slice(a, Math.min(r.end, a + 12)))) return true;
  }
  return false;
}

/** 一是 … 十是 at a clause's start (the section's body, or after 。 ; : or a line break). */
const ORDINAL_CLAUSE = /(?<=^|[。;；:：\n])[ \t]*([一二三四五六七八九十]{1,2})是/gu;

/**
 * Measures written as a paragraph's points (一是加强…,…。二是…): each from its 一是 to the next, its title
 * to the first clause's end; only a run numbered from 一 on, of two or more. None otherwise.
 */
function ordinalMeasures(text: string, start: number, end: number): OutlineMeasure[] {
  const body = text.slice(start, end);
  const marks: { at: number; textStart: number; label: string }[] = [];
  for (const m of body.matchAll(ORDINAL_CLAUSE)) {
    // Numbering that starts again or skips (一是…二是… / 一是…二是…三是 in the next paragraph, the goals of an
    // intro and then its work) is no one run: which points are the measures is not known, so none are.
    if (chineseOrdinal(m[1]!) !== marks.length + 1) {
      if (marks.length > 0) return [];
      continue;
    }
    const at = start + m.index + m[0].length - m[1]!.length - 1;
    marks.push({ at, textStart: at + m[1]!.length + 1, label: `${m[1]}是` });
  }
  if (marks.length < 2) return [];
  return marks.map((m, i) => {
    const mEnd = marks[i + 1]?.at ?? end;
    let t = m.textStart;
    // A bracket is passed whole: a note in it (一是…队伍(牵头单位:市教育局)。) ends no clause.
    for (let depth = 0; t < mEnd && (depth > 0 || !CLAUSE_END.has(text.charCodeAt(t))); t++) {
      const c = text.charCodeAt(t);
      if (c === 0x28 || c === 0xff08) depth++;
      else if ((c === 0x29 || c === 0xff09) && depth > 0) depth--;
      else if (c === NEWLINE) break;
    }
    return { label: m.label, title: { start: m.textStart, end: t }, range: { start: m.at, end: mEnd } };
  });
}

const CLAUSE_END = new Set([...',，;；。:：\n'].map((c) => c.charCodeAt(0)));

/** A sentence that may head a measure: short and plain (no comma, list or figure). */
function isHeadingSentence(text: string, r: Range): boolean {
  const s = text.slice(r.start, r.end).replace(/。$/u, '');
  // (not an item of a ①/⑴/⒈ list)
  return s.length >= 4 && s.length <= MAX_INLINE_HEADING && !/[,;:、()“”0-9\u2460-\u249b]/u.test(s) && !/^(到|每年|其中|同时)/u.test(s) && !NOTE_SENTENCE.test(s) && !UNIT_NAME.test(s);
}

/** A unit's name alone (县教育局: a table's cell of units), no heading. */
const UNIT_NAME = new RegExp(`^[省市县区州盟旗镇乡团各]\\p{Script=Han}{0,12}(?:${OFFICE_WORDS})$`, 'u');

/** A note written as a sentence (由县科协牵头负责, 县卫健委负责): a unit's name, then its verb. No heading. */
const NOTE_SENTENCE = new RegExp(`(?:${OFFICE_WORDS})(?:等(?:部门|单位)?)?(?:牵头负责|牵头|配合|协助|参与|负责|落实)$`, 'u');

/** A list's number in brackets at a sentence's start ((1), (12)). */
const LIST_NUMBER = /^\(\d{1,2}\)/u;

function splitSentences(text: string, start: number, end: number): Range[] {
  const out: Range[] = [];
  let s = start;
  // The first ')' at or after the last look-up (end: none before the end): looked for again only past
  // it, so brackets never closed cost one scan, not one each to the end of the text.
  let close = -1;
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c === '。' || c === '\n') {
      if (i + (c === '。' ? 1 : 0) > s && text.slice(s, i).trim()) out.push({ start: s, end: i + (c === '。' ? 1 : 0) });
      s = i + 1;
    } else if (c === '(' && i === s && !LIST_NUMBER.test(text.slice(i, i + 4))) {
      // a note in brackets right after a sentence belongs to no heading (a list's (1) is no note: its
      // item is no heading)
      if (close < i) {
        close = i + 1;
        while (close < end && text.charCodeAt(close) !== 0x29) close++;
      }
      if (close < end) {
        out.push({ start: i, end: close + 1 });
        s = close + 1;
        i = close;
      }
    }
  }
  if (s < end && text.slice(s, end).trim()) out.push({ start: s, end });
  return out;
}

// ---------------------------------------------------------------------------------------------
// rows of a task table

const ROLE_OF_COLUMN = { lead: '牵头', responsible: '责任', assist: '配合' } as const;

/**
 * The sections of a plan that is a task table with no headings: each group of its rows (重点任务 /
 * 青少年科学素质提升行动, written in the group's first row) is a section, its rows the measures. None
 * without a table, or when no row names a group.
 */
function tableSections(text: string, parts: OutlinePart[]): OutlineSection[] {
  const table = findTableHeader(text, 0, text.length);
  if (!table) return [];
  const sections: OutlineSection[] = [];
  for (const { measure, group } of tableRows(text, table.end, text.length, table)) {
    const last0 = sections.at(-1);
    // The group's name without its ordinal (一、 or (一)).
    const title = group ? { start: group.start + (GROUP_ORDINAL.exec(text.slice(group.start, group.start + 6))?.[0].length ?? 0), end: group.end } : null;
    // A group's name written again in each of its rows (no merged cell) opens no new section.
    if (title && !(last0 && text.slice(last0.title.start, last0.title.end) === text.slice(title.start, title.end))) {
      sections.push({
        kind: sectionKind(text.slice(title.start, title.end), title.start, text, parts),
        label: null,
        ordinal: sections.length + 1,
        ocr: false,
        glued: false,
        title,
        range: { start: measure.range.start, end: measure.range.end },
        intro: { start: measure.range.start, end: measure.range.start },
        measures: [],
      });
    }
    const last = sections.at(-1);
    if (!last) continue;
    last.measures.push(measure);
    last.range.end = measure.range.end;
  }
  return sections;
}

/** The ordinal a group cell may open with (一、, (一)). */
const GROUP_ORDINAL = /^(?:[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十]{1,3}[)）])[ \t]*/u;

/** A row of a task table: its measure, and the group cell it opens with (its section's name), if any. */
interface TableRow {
  measure: OutlineMeasure;
  group: Range | null;
}

/**
 * The rows of a task table in [start, end) (see `findTableHeader`): each from its number (a line of its
 * own, or a line's first tab-separated cell) to the next, titled by its task cell, with its cells of
 * units. None unless [start, end) starts with a row and the rows are numbered one after another.
 */
function tableRows(text: string, start: number, end: number, table: TableHeader, lead: Range | null = null): TableRow[] {
  const lines = linesOf(text, start, end);
  // A row whose number stands before the section's heading (1 / 一、青少年科学素质提升行动 / 激发… : the group
  // cell written with its ordinal reads as the heading) starts with that number.
  const rows: { number: Range; cells: Range[]; group?: Range }[] = lead ? [{ number: lead, cells: [] }] : [];
  // A group's name on a row of its own (a cell across the table, or a 类别 column before 序号), for the next row.
  let pending: Range | null = null;
  // A row holds a cell per column and one group cell at most: a line past them ends the table (the
  // signature, a note after it) unless the next row follows (a cell of two paragraphs, a page's footer).
  const most = table.columns.length + 1;
  // The number of the next line that is a row number (one pass from the end: linear).
  const numbers = lines.map((line) => rowNumber(text.slice(line.start, line.end).trim()));
  const nextNumber = new Array<number>(lines.length + 1).fill(-1);
  for (let k = lines.length - 1; k >= 0; k--) nextNumber[k] = numbers[k]! >= 0 ? numbers[k]! : nextNumber[k + 1]!;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    const cells: Range[] = table.tabbed ? splitTabs(text, line) : [trimCell(text, line.start, line.end)];
    const first = cells[0]!;
    const cur = rows.at(-1);
    if (!table.tabbed && cur && PAGE_LINE.test(text.slice(first.start, first.end))) continue;
    const n = table.tabbed ? rowNumber(text.slice(first.start, first.end)) : numbers[k]!;
    if (n >= 0) {
      const prev = cur ? rowNumber(text.slice(cur.number.start, cur.number.end)) : -1;
      // A page number alone on a line: not the next row's, in a row short of its cells or before the next row.
      if (!table.tabbed && cur && n !== prev + 1 && n !== 1 && (cur.cells.length < 2 || nextNumber[k + 1] === prev + 1)) continue;
      rows.push(pending ? { number: first, cells: cells.slice(1), group: pending } : { number: first, cells: cells.slice(1) });
      pending = null;
    } else if (!table.tabbed && (numbers[k + 1] ?? -1) >= 0 && (!cur || cur.cells.length >= 2) && SECTION_TITLE.test(text.slice(first.start, first.end)) && first.end - first.start <= 40) {
      pending = first;
    } else if (!cur) return [];
    else if (table.tabbed || (cur.cells.length >= most && nextNumber[k + 1] !== rowNumber(text.slice(cur.number.start, cur.number.end)) + 1)) break;
    else cur.cells.push(first);
  }
  // A number on the body's last line is the next section's first row's (its heading follows).
  if (rows.length > 1 && rows.at(-1)!.cells.length === 0) rows.pop();
  // A first column of groups (序号 / 重点任务 / 具体任务 / …: two task columns), its cell in a group's first row only.
  const grouped = table.columns[0] === 'title' && table.columns.indexOf('title', 1) > 0;
  const columns = grouped ? table.columns.slice(1) : table.columns;
  const titleAt = columns.indexOf('title');
  if (rows.length === 0) return [];
  const out: TableRow[] = [];
  // A lone row of one cell and no units is no task table's (a page number before a paragraph).
  let anyUnits = rows.length > 1 || rows[0]!.cells.length > 1;
  for (let i = 0; i < rows.length; i++) {
    const { number, cells: all, group: own } = rows[i]!;
    const label = text.slice(number.start, number.end);
    // A group's name, written in its group's first row only (青少年科学素质提升行动 / 激发… / 县教育局 …): an
    // action's or project's name before a task (实施银龄科普行动 / 县卫健委 is a task and its unit; a task
    // 加强科普基础设施建设,建设县科技馆 is no list of units).
    const group =
      own ??
      (all.length > 1 && (grouped || all.length > columns.length) && SECTION_TITLE.test(text.slice(all[0]!.start, all[0]!.end)) && !unitListCell(text, all[1]!) && !DATE_CELL.test(text.slice(all[1]!.start, all[1]!.end))
        ? all[0]!
        : null);
    // Rows numbered one after another (or from 1 again in each group).
    const n = rowNumber(label);
    if (i > 0 && n !== rowNumber(text.slice(rows[i - 1]!.number.start, rows[i - 1]!.number.end)) + 1 && !((group || (i === 1 && lead)) && n === 1)) return [];
    const cells = group && !own ? all.slice(1) : all;
    // A row with a cell for every column of the header and no group in the first is read by the whole header
    // (重点任务 / 具体措施 both the row's own: its task and what it does).
    // (Its second cell is no list of units nor a date: a row short of a cell, with the signature after it, is not so.)
    const whole = grouped && !group && cells.length === table.columns.length && !officeListCell(text, cells[1]!) && !DATE_CELL.test(text.slice(cells[1]!.start, cells[1]!.end));
    const cols = whole ? table.columns : columns;
    const at = whole ? 0 : titleAt;
    const task = cells[at];
    if (!task) return [];
    const rowEnd = i + 1 < rows.length ? rows[i + 1]!.number.start : (all.at(-1) ?? number).end;
    const units = unitCells(text, cells, cols, at, i === rows.length - 1);
    anyUnits ||= units.length > 0;
    out.push({ measure: { label, title: cellTitle(text, task), range: { start: Math.max(number.start, start), end: rowEnd }, row: { bodyEnd: whole ? cells[1]!.end : task.end, units } }, group });
  }
  return anyUnits ? out : [];
}

/**
 * The cells of units of a row, with the role of their column. A row that lost cells (an empty cell is no
 * line) gives its cells after the task that look like units to the columns of units in their order.
 */
function unitCells(text: string, cells: readonly Range[], columns: readonly TableColumn[], titleAt: number, last: boolean): { start: number; end: number; role: AgencyRole }[] {
  const units: { start: number; end: number; role: AgencyRole }[] = [];
  // The last row's cells may end with the signature (某某县…办公室 / 2022年3月1日): not its units.
  let count = cells.length;
  if (last && count - 2 > titleAt && FULL_DATE.test(text.slice(cells[count - 1]!.start, cells[count - 1]!.end))) {
    // Only past the row's cells: those of its columns, and the task's paragraphs after its first.
    let more = 0;
    for (let j = titleAt + 1; j < count && !looksLikeUnitCell(text, cells[j]!) && !DATE_CELL.test(text.slice(cells[j]!.start, cells[j]!.end)); j++) more++;
    if (count - more > columns.length) count -= 2;
  }
  // A cell for every column: read by position.
  const aligned = count === columns.length;
  const unitColumns = columns.filter((c, j) => j > titleAt && c !== 'title' && c !== 'other');
  let next = 0;
  for (let j = titleAt + 1; j < count; j++) {
    const cell = cells[j]!;
    // Past the columns of units, a cell of units goes on the last one's list (县科协 / 团县委: two lines of a cell).
    const c = aligned ? columns[j]! : (unitColumns[next] ?? (next > 0 && !last ? unitColumns[next - 1] : undefined));
    // (By position, a cell that names some unit; otherwise one that lists units only: a task's text names places.)
    if (!c || c === 'title' || c === 'other' || !(aligned ? looksLikeUnitCell(text, cell) : unitListCell(text, cell))) continue;
    units.push({ start: cell.start, end: cell.end, role: ROLE_OF_COLUMN[c] });
    next++;
  }
  return units;
}

/** A cell that lists units: some item ends like a unit's name (a date or a task's text does not). */
function looksLikeUnitCell(text: string, cell: Range): boolean {
  return text
    .slice(cell.start, cell.end)
    .split(/[、,，;；]/u)
    .some((x) => AGENCY_END.test(x.trim()) || GENERIC_UNIT.test(x.trim()));
}

/**
 * A cell that is a list of units: each item, its 等 aside, ends like a unit's name (`ends`: AGENCY_END; 县卫健委、
 * 县老龄办, 县科协等部门) or is a generic one.
 */
function unitListCell(text: string, cell: Range, ends: RegExp = AGENCY_END): boolean {
  return text
    .slice(cell.start, cell.end)
    .split(/[、,，;；]/u)
    .every((x) => {
      const y = x.trim().replace(/等(?:有关|相关|成员)?(?:部门|单位)?$/u, '');
      return y.length > 0 && (ends.test(y) || GENERIC_UNIT.test(y));
    });
}

/** A cell that lists offices only (区科协、团区委: not 组建…服务总队, a task that ends like a unit). */
function officeListCell(text: string, cell: Range): boolean {
  return unitListCell(text, cell, OFFICE_NAME_END);
}

/** How the name of an office ends, with 团 and 会 too (区总工会, 区科学技术协会). */
const OFFICE_NAME_END = new RegExp(`(?:${OFFICE_WORDS}|团|会)(?:\\([^()]*\\))?$`, 'u');

/** Whether the line from `at` is a row's number alone (1. / 1、 read as an item's marker). */
function aloneOnLine(text: string, at: number): boolean {
  // The line's end looked for within 9 units only (a measure on a long line is no number alone).
  const stop = Math.min(text.length, at + 9);
  let e = at;
  while (e < stop && text.charCodeAt(e) !== 0x0a) e++;
  return (e < stop || e === text.length) && ANNEX_ROW_NUMBER.test(text.slice(at, e).trim());
}

/** The header of a task table that opens [start, end) (after blank lines), if one does. */
function ownTableHeader(text: string, start: number, end: number): TableHeader | null {
  let f = start;
  while (f < end && isWhiteSpace(text.charCodeAt(f))) f++;
  if (!text.startsWith('序号', f)) return null;
  const header = findTableHeader(text, f, Math.min(end, f + 200));
  return header && header.end <= end ? header : null;
}

/** A row's number alone (1, 1., 1、 or 一 … 九十九 in a 序号 column); -1 when `t` is none. */
function rowNumber(t: string): number {
  if (ANNEX_ROW_NUMBER.test(t)) return parseInt(t, 10);
  return CHINESE_ROW_NUMBER.test(t) ? chineseOrdinal(t) : -1;
}

const CHINESE_ROW_NUMBER = /^[一二三四五六七八九十]{1,3}$/u;

/** The number alone on the line before `at` (a line start), as a range; null when that line is no row's number. */
function numberLineBefore(text: string, at: number): Range | null {
  if (at < 2 || text.charCodeAt(at - 1) !== 0x0a) return null;
  let s = at - 1;
  const stop = Math.max(0, at - 10);
  while (s > stop && text.charCodeAt(s - 1) !== 0x0a) s--;
  if (s > 0 && text.charCodeAt(s - 1) !== 0x0a) return null;
  const r = trimCell(text, s, at - 1);
  return r.end > r.start && rowNumber(text.slice(r.start, r.end)) >= 0 ? r : null;
}

/** A day's date (a signature's): 2022年3月1日. */
const FULL_DATE = /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/u;

/** A page's number or footer on a line of its own (- 3 -, —3—, 第3页). */
const PAGE_LINE = /^(?:[-－—–]+\s*\d{1,4}\s*[-－—–]+|第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?)$/u;

/** A task cell's title: its first clause (实施高素质农民培育计划,培训农民500人次), unless that is shorter than a heading. */
function cellTitle(text: string, cell: Range): Range {
  for (let i = cell.start; i < cell.end; i++) {
    if (CELL_CLAUSE_END.has(text.charCodeAt(i))) return i - cell.start >= 4 ? { start: cell.start, end: i } : cell;
  }
  return cell;
}

const CELL_CLAUSE_END = new Set([...',，;；。:：'].map((c) => c.charCodeAt(0)));

// ---------------------------------------------------------------------------------------------
// helpers

function titleText(text: string, m: HeadingMarker): string {
  const r = headingTitle(text, m.textStart, text.length);
  return text.slice(r.start, r.end);
}

/** A heading's text: to the end of its sentence or line, at most MAX_TITLE characters. */
function headingTitle(text: string, from: number, limit: number): Range {
  let i = from;
  const max = Math.min(limit, from + MAX_TITLE);
  while (i < max && text[i] !== '\n' && text[i] !== '。' && text[i] !== ';') i++;
  return { start: from, end: i };
}

/** A measure's heading: its first sentence (without 。), or the first clause when the sentence runs on. */
function measureTitle(text: string, from: number, limit: number): Range {
  const r = headingTitle(text, from, limit);
  if (r.end - r.start >= MAX_TITLE) {
    const comma = text.slice(from, r.end).search(/[,:]/u);
    if (comma > 0) return { start: from, end: from + comma };
  }
  return r;
}

function skipLine(text: string, from: number, end: number): number {
  let i = from;
  while (i < end && (text[i] === '。' || text[i] === ';')) i++;
  while (i < end && text[i] === '\n') i++;
  return i;
}

function linesOf(text: string, start: number, end: number): Range[] {
  const out: Range[] = [];
  let s = start;
  for (let i = start; i <= end; i++) {
    if (i === end || text[i] === '\n') {
      if (i > s && text.slice(s, i).trim()) out.push({ start: s, end: i });
      s = i + 1;
    }
  }
  return out;
}
