import type { Agency, AgencyRole } from '../model/index.js';
import { toOriginalSpan, type MappedText } from '../text/mapped-text.js';
import { codeSet, isCloseBracket, isOpenBracket, nextCut } from './internal/brackets.js';
import { GENERIC_UNIT } from './internal/patterns.js';
import { roleTail, unitEtcLength } from './internal/role-tail.js';

const isSeparator = codeSet('、,，;；/', true);
/** Longer than any unit's name: a sentence, not a unit. */
const MAX_NAME = 40;
const isEdge = codeSet(':：。.、', true);

/**
 * Splits a list of responsible units in [start, end) of `mt.text` (normalised coordinates) on 、 , ;
 * and spaces outside brackets, so `县自然资源和规划局(林业局)` and `各镇(园区)` stay whole. Each unit is
 * trimmed of a closing verb (`…按职责分工负责`, `…牵头`) and a trailing 等; empty items and generic
 * words (`其他成员单位`, `各有关部门`) are dropped. Every unit gets `role`; spans are original.
 *
 * @example
 * const mt = mapIdentity('县教育局、县科协、各镇(园区)');
 * parseAgencyList(mt, 0, mt.text.length, '牵头').map((a) => a.name);
 * // ['县教育局', '县科协', '各镇(园区)']
 */
export function parseAgencyList(mt: MappedText, start: number, end: number, role: AgencyRole): Agency[] {
  if (start < 0 || end > mt.text.length || start > end) {
    throw new RangeError(`parseAgencyList: bad range ${start}-${end} for a text of ${mt.text.length}`);
  }
  const out: Agency[] = [];
  pushAgencyList(mt, start, end, role, out);
  return out;
}

/** {@link parseAgencyList} onto the end of `out` (the readers of notes gather many lists into one). */
export function pushAgencyList(mt: MappedText, start: number, end: number, role: AgencyRole, out: Agency[]): void {
  for (let from = start; ; ) {
    const cut = nextCut(mt.text, from, end, isSeparator);
    const agency = readUnit(mt, from, cut, role);
    if (agency) out.push(agency);
    if (cut >= end) return;
    from = cut + 1;
  }
}

/** Last characters of a closing verb (负责, 牵头, 配合, 协助, 参与, 落实) or of 等/等单位/等部门. */
const TAIL_END = new Set([...'责头合助与实等位门'].map((c) => c.charCodeAt(0)));
/** Last characters of generic words (单位, 部门, 成员, 方面). */
const GENERIC_END = new Set([...'位门员面'].map((c) => c.charCodeAt(0)));
const LEAD_CODES = new Set([...'由请'].map((c) => c.charCodeAt(0)));

/** 1 when [s, e) of `text` opens with 由 or 请 before a name (由县科协), else 0. */
export function byLength(text: string, s: number, e: number): number {
  return e - s > 1 && LEAD_CODES.has(text.charCodeAt(s)) ? 1 : 0;
}

/** A unit's own role, in brackets after its name: 市教育局(牵头), 市教育局【牵头】, 市科协（配合）. */
const UNIT_ROLE: Readonly<Record<string, AgencyRole>> = { 牵头: '牵头', 配合: '配合', 协办: '配合', 参与: '配合', 主责: '责任', 负责: '责任' };

/** Where the role in brackets that ends [s, e) starts, and the role (see {@link UNIT_ROLE}); null when there is none. */
export function unitRoleMark(text: string, s: number, e: number): { at: number; role: AgencyRole } | null {
  // One character of a name at least, then the bracketed two-character role word.
  if (e - s < 5 || !isCloseBracket(text.charCodeAt(e - 1)) || !isOpenBracket(text.charCodeAt(e - 4))) return null;
  const role = UNIT_ROLE[text.slice(e - 3, e - 1)];
  return role ? { at: e - 4, role } : null;
}

/**
 * One unit: trimmed of a closing verb, a leading 由/请 and a trailing 等; null when empty or generic. A
 * role in brackets after its name (市教育局【牵头】) is the unit's, whatever its list's label says.
 */
function readUnit(mt: MappedText, start: number, end: number, listRole: AgencyRole): Agency | null {
  const text = mt.text;
  let s = edgeAfter(text, start, end);
  let e = edgeBefore(text, s, end);
  const mark = unitRoleMark(text, s, e);
  const role = mark ? mark.role : listRole;
  if (mark) e = edgeBefore(text, s, mark.at);
  // A deadline glued to the last unit (a table's cells run together: 县科协2025年, 县科协等部门完成时限每年) is no
  // part of its name; then neither are the verb and the 等 before it. A deadline alone (its cell) is no unit.
  if (isDeadline(text, s, e)) return null;
  e = edgeBefore(text, s, e - dateTailLength(text, s, e));
  if (e > s && TAIL_END.has(text.charCodeAt(e - 1))) {
    // ROLE_TAIL, then UNIT_ETC, on [s, e): by their words, without a slice (role-tail.ts).
    e -= roleTail(text, s, e) >> 2;
    e -= unitEtcLength(text, s, e);
  }
  if (e > s && LEAD_CODES.has(text.charCodeAt(s))) s++;
  s = edgeAfter(text, s, e);
  e = edgeBefore(text, s, e);
  if (e === s || e - s > MAX_NAME) return null;
  const name = text.slice(s, e);
  if (GENERIC_END.has(text.charCodeAt(e - 1)) && GENERIC_UNIT.test(name)) return null;
  return { name, role, span: toOriginalSpan(mt, s, e) };
}

/** A date as a deadline gives it (2025, 2025年, 2023年6月底前), as a regex source. */
export const DATE = String.raw`\d{4}(?:年(?:\d{1,2}月(?:\d{1,2}日)?)?(?:底|初|末|上半年|下半年)?(?:前|以前)?)?`;
/** A deadline at the end of a unit's cell: a date or a span of them, 每年, 长期 or 持续…, after a deadline's label or not. */
const DATE_TAIL = new RegExp(`(?:(?:完成时限|完成时间|时间节点|推进时限)[:：]?)?(?:${DATE}(?:[—–\\-~～至到]${DATE})?|每年|长期坚持|长期|持续推进|持续开展|持续)$`, 'u');
/** Characters a deadline ends with (a digit, 年 月 日, 底 前 末 初, 期 of 长期, 续 进 展 of 持续…). */
const DATE_END = new Set([...'0123456789年月日底前末初期续进展'].map((c) => c.charCodeAt(0)));

/**
 * The length of the deadline that [s, e) of `text` ends with (see {@link DATE_TAIL}), when a unit's name
 * stands before it (at least two characters); 0 otherwise.
 */
export function dateTailLength(text: string, s: number, e: number): number {
  if (e - s < 4 || !DATE_END.has(text.charCodeAt(e - 1))) return 0;
  const m = DATE_TAIL.exec(text.slice(Math.max(s, e - 30), e));
  if (!m || e - m[0].length - s < 2) return 0;
  return m[0].length;
}

/** Whether [s, e) of `text` is a deadline alone (2025年, 完成时限每年). */
function isDeadline(text: string, s: number, e: number): boolean {
  if (e - s < 2 || e - s > 30 || !DATE_END.has(text.charCodeAt(e - 1))) return false;
  const m = DATE_TAIL.exec(text.slice(s, e));
  return m !== null && m.index === 0;
}

/** The first position in [s, e) that is not an edge character (punctuation or space), or `e`. */
function edgeAfter(text: string, s: number, e: number): number {
  while (s < e && isEdge(text.charCodeAt(s))) s++;
  return s;
}

/** The end of [s, e) without the edge characters it ends with. */
function edgeBefore(text: string, s: number, e: number): number {
  while (e > s && isEdge(text.charCodeAt(e - 1))) e--;
  return e;
}
