import type { BasisDocument, Level } from '../model/index.js';
import { toOriginalSpan, type MappedText } from '../text/mapped-text.js';
import { ownDocNumberAmong } from './extract-doc-number.js';
import { findDocNumbers, type DocNumberHit } from './internal/doc-numbers.js';
import { findDivisionNames } from './internal/gazetteer.js';
import {
  ALIAS_BEFORE,
  BARE_NOTICE,
  BOOK_TITLE,
  CITING_VERB,
  NATIONAL_ISSUER,
  NATIONAL_LAW,
  NATIONAL_OUTLINE,
  NATIONAL_TITLE,
} from './internal/patterns.js';

export { extractDocNumber } from './extract-doc-number.js';

/** Province abbreviations that open a provincial document number (皖政办秘, 甘纲要办发, 藏政办发). */
const PROVINCE_ABBREVIATIONS = new Set([...'京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川蜀贵黔云滇藏陕秦甘陇青宁新']);

interface Found {
  start: number;
  end: number;
  title: string | null;
  number: DocNumberHit | null;
}

/**
 * The documents a plan is based on, in [start, end) of `mt.text` (pass its front matter): titles in
 * 《》 cited after 根据/依据/按照/贯彻落实 in the same sentence, each with the document number in the
 * brackets after it (`《…》(国发〔2021〕9号)`, normalised to 〔〕), bare numbers (`根据甘纲要办发〔2022〕1号`),
 * and notices whose 《》 were lost (`根据关于印发…的通知`). Aliases (`以下简称《方案》`) and the plan's own
 * number are left out; a document cited twice is kept once. `level`: 国发/国办发/中发 …, laws
 * (中华人民共和国…法) and the national outline → national; else the level of the region the title
 * names (安徽省… → province, 宿州市… → city); else a province abbreviation (皖政办秘 → province).
 *
 * @example
 * const mt = mapIdentity('根据《国务院关于印发全民科学素质行动规划纲要(2021-2035年)的通知》(国发〔2021〕9号),制定本方案。');
 * extractBasis(mt, 0, mt.text.length);
 * // [{ title: '国务院关于印发全民科学素质行动规划纲要(2021-2035年)的通知', docNumber: '国发〔2021〕9号',
 * //    level: 'national', region: null, raw: '《国务院…》(国发〔2021〕9号)', span: … }]
 */
export function extractBasis(mt: MappedText, start: number, end: number): BasisDocument[] {
  if (start < 0 || end > mt.text.length || start > end) {
    throw new RangeError(`extractBasis: bad range ${start}-${end} for a text of ${mt.text.length}`);
  }
  const text = mt.text;
  // Read once, shared by the three kinds of citation.
  const citing = citingRanges(text, start, end);
  const titles = [...text.slice(start, end).matchAll(BOOK_TITLE)];
  const found = [
    ...findTitles(text, start, end, citing, titles),
    ...findBareNumbers(text, start, end, citing, titles),
    ...findBareNotices(text, start, end, citing),
  ];
  found.sort((a, b) => a.start - b.start);
  const seen = new Set<string>();
  const out: BasisDocument[] = [];
  for (const f of found) {
    const key = f.number?.docNumber ?? f.title ?? '';
    if (seen.has(key) || (f.title !== null && seen.has(f.title))) continue;
    seen.add(key);
    if (f.title !== null) seen.add(f.title);
    const region = f.title !== null ? titleRegion(f.title) : null;
    out.push({
      title: f.title,
      docNumber: f.number?.docNumber ?? null,
      level: levelOf(f.title, f.number, region),
      region: region?.name ?? null,
      raw: text.slice(f.start, f.end),
      span: toOriginalSpan(mt, f.start, f.end),
    });
  }
  return out;
}

/** A character that ends a sentence (as SENTENCE_END_CHAR), found from a position on. */
const SENTENCE_END = /[。;；\n]/g;

/** Positions in [start, end) that sit in a sentence citing its basis (after 根据/依据 …). Linear. */
function citingRanges(text: string, start: number, end: number): (i: number) => boolean {
  const mask = new Uint8Array(end - start);
  let reach = start;
  for (const m of text.slice(start, end).matchAll(CITING_VERB)) {
    const from = Math.max(start + m.index, reach);
    if (from >= end) continue;
    SENTENCE_END.lastIndex = from;
    const stop = SENTENCE_END.exec(text);
    const to = stop === null || stop.index > end ? end : stop.index;
    mask.fill(1, from - start, to - start);
    reach = to;
  }
  return (i) => i >= start && i < end && mask[i - start] === 1;
}

function findTitles(text: string, start: number, end: number, citing: (i: number) => boolean, titles: readonly RegExpExecArray[]): Found[] {
  const aliases = new Set<string>();
  const out: Found[] = [];
  for (const m of titles) {
    const at = start + m.index;
    const title = m.groups!['title']!;
    if (ALIAS_BEFORE.test(text.slice(Math.max(start, at - 4), at))) {
      aliases.add(title);
      continue;
    }
    if (aliases.has(title) || !citing(at)) continue;
    const titleEnd = at + m[0].length;
    const paren = bracketAfter(text, titleEnd, end);
    const number = paren ? (findDocNumbers(text, paren.start, paren.end)[0] ?? null) : null;
    out.push({ start: at, end: number && paren ? paren.end : titleEnd, title, number });
  }
  return out;
}

/** The bracketed group right after a title: `(国发〔2021〕9号,以下简称《科学素质纲要》)`. */
function bracketAfter(text: string, from: number, end: number): { start: number; end: number } | null {
  if (text[from] !== '(' && text[from] !== '（') return null;
  let depth = 0;
  for (let i = from; i < Math.min(end, from + 120); i++) {
    const ch = text[i]!;
    if (ch === '(' || ch === '（') depth++;
    else if (ch === ')' || ch === '）') {
      depth--;
      if (depth === 0) return { start: from, end: i + 1 };
    } else if (ch === '\n') return null;
  }
  return null;
}

/** Numbers cited on their own (not right after a title, not the plan's own). */
function findBareNumbers(text: string, start: number, end: number, citing: (i: number) => boolean, titles: readonly RegExpExecArray[]): Found[] {
  const hits = findDocNumbers(text, start, end);
  if (hits.length === 0) return [];
  const own = ownDocNumberAmong(text, hits);
  const cited = new Uint8Array(end - start);
  for (const m of titles) {
    const s = start + m.index;
    const e = bracketAfter(text, s + m[0].length, end)?.end ?? s + m[0].length;
    cited.fill(1, s - start, e - start);
  }
  return hits
    .filter((h) => h.start !== own?.start && citing(h.start) && cited[h.start - start] !== 1)
    .map((h) => ({ start: h.start, end: h.end, title: null, number: h }));
}

/** `根据关于印发…的通知`: titles whose 《》 were lost in extraction. */
function findBareNotices(text: string, start: number, end: number, citing: (i: number) => boolean): Found[] {
  const out: Found[] = [];
  const inside = titleDepth(text, start);
  for (const m of text.slice(start, end).matchAll(BARE_NOTICE)) {
    const at = start + m.index;
    if (inside(at) || !citing(at)) continue;
    const noticeEnd = at + m[0].length;
    const paren = bracketAfter(text, noticeEnd, end);
    const number = paren ? (findDocNumbers(text, paren.start, paren.end)[0] ?? null) : null;
    out.push({ start: at, end: number && paren ? paren.end : noticeEnd, title: m[0], number });
  }
  return out;
}

/**
 * Whether a position is inside 《》, counting from `start` with the depth reset at each line break (a 》
 * without its 《 is ignored): for positions asked in increasing order, the depth carried forward (each
 * asked for anew from the line's start took 11 s for 16,000 notices on one line).
 */
function titleDepth(text: string, start: number): (at: number) => boolean {
  let depth = 0;
  let i = start;
  return (at: number) => {
    if (at < i) {
      // Asked out of order: counted anew from the line's start.
      i = Math.max(start, text.lastIndexOf('\n', at - 1) + 1);
      depth = 0;
    }
    for (; i < at; i++) {
      const ch = text[i];
      if (ch === '《') depth++;
      else if (ch === '》' && depth > 0) depth--;
      else if (ch === '\n') depth = 0;
    }
    return depth > 0;
  };
}

/** The first division a title names (安徽省人民政府办公厅关于… → 安徽省). */
function titleRegion(title: string): { name: string; level: Level } | null {
  const hit = findDivisionNames(title, 0, title.length)[0];
  if (!hit) return null;
  const d = hit.divisions[0]!;
  return { name: hit.name, level: d.level };
}

function levelOf(title: string | null, number: DocNumberHit | null, region: { level: Level } | null): Level {
  if (number && NATIONAL_ISSUER.test(number.issuer)) return 'national';
  if (title !== null && (NATIONAL_LAW.test(title) || NATIONAL_TITLE.test(title))) return 'national';
  if (region) return region.level;
  if (number && number.issuer.length >= 2 && PROVINCE_ABBREVIATIONS.has(number.issuer[0]!)) return 'province';
  if (title !== null && NATIONAL_OUTLINE.test(title)) return 'national';
  return 'unknown';
}
