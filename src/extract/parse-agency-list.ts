import type { Agency, AgencyRole } from '../model/index.js';
import { toOriginalSpan, type MappedText } from '../text/mapped-text.js';
import { codeSet, splitOutsideBrackets } from './internal/brackets.js';
import { GENERIC_UNIT, ROLE_TAIL, UNIT_ETC } from './internal/patterns.js';

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
  for (const [s, e] of splitOutsideBrackets(mt.text, start, end, isSeparator)) {
    const agency = readUnit(mt, s, e, role);
    if (agency) out.push(agency);
  }
  return out;
}

/** Last characters of a closing verb (负责, 牵头, 配合, 协助, 参与, 落实) or of 等/等单位/等部门. */
const TAIL_END = new Set([...'责头合助与实等位门'].map((c) => c.charCodeAt(0)));
/** Last characters of generic words (单位, 部门, 成员, 方面). */
const GENERIC_END = new Set([...'位门员面'].map((c) => c.charCodeAt(0)));
const LEAD_CODES = new Set([...'由请'].map((c) => c.charCodeAt(0)));

/** One unit: trimmed of a closing verb, a leading 由/请 and a trailing 等; null when empty or generic. */
function readUnit(mt: MappedText, start: number, end: number, role: AgencyRole): Agency | null {
  const text = mt.text;
  let s = start;
  let e = end;
  const trim = () => {
    while (s < e && isEdge(text.charCodeAt(s))) s++;
    while (e > s && isEdge(text.charCodeAt(e - 1))) e--;
  };
  trim();
  if (e > s && TAIL_END.has(text.charCodeAt(e - 1))) {
    const tail = ROLE_TAIL.exec(text.slice(s, e));
    if (tail) e -= tail[0].length;
    const etc = UNIT_ETC.exec(text.slice(s, e));
    if (etc) e -= etc[0].length;
  }
  if (e > s && LEAD_CODES.has(text.charCodeAt(s))) s++;
  trim();
  if (e === s || e - s > MAX_NAME) return null;
  const name = text.slice(s, e);
  if (GENERIC_END.has(text.charCodeAt(e - 1)) && GENERIC_UNIT.test(name)) return null;
  return { name, role, span: toOriginalSpan(mt, s, e) };
}
