import type { Agency, AgencyRole } from '../model/index.js';
import type { MappedText } from '../text/mapped-text.js';
import { codeSet, isCloseBracket, isOpenBracket, isSpaceCode, nextCut } from './internal/brackets.js';
import { firstAtOrAfter, firstKeyAtOrAfter } from '../text/sorted.js';
import { textMarks } from './internal/text-marks.js';
import { AGENCY_END, GENERIC_UNIT, HAN, LABEL_SEPARATOR, OFFICE_WORDS, ROLE_LABEL, ROLE_LINE, ROLE_UNIT_LABEL, ROLE_WORD_START, ROLE_WORDS, ROLE_WORDS_ALL } from './internal/patterns.js';
import { roleTail, TAIL_ASSIST, TAIL_LEAD, unitEtcLength } from './internal/role-tail.js';
import { byLength, DATE, dateTailLength, pushAgencyList, unitRoleMark } from './parse-agency-list.js';
import { execAll } from './internal/exec-all.js';
import { unnamed } from './internal/unnamed.js';
import { isWhiteSpace } from '../text/white-space.js';

/** A responsibility note: `(责任单位:市教育局、市科协)` and its units. */
export interface AgencyNote {
  /** Start of the note in normalised coordinates, including its opening bracket. */
  start: number;
  /** End of the note (exclusive) in normalised coordinates, including its closing bracket. */
  end: number;
  agencies: Agency[];
  /** Some unit leads (牵头). */
  hasLead: boolean;
}

const NEWLINE = 10;
/** A bracket left open this long is a stray, not a note. */
const MAX_NOTE = 400;
const isClauseSeparator = codeSet(',，;；。');
const isListSeparator = codeSet('、,，;；');
const ROLE_OF_LABEL: Readonly<Record<string, AgencyRole>> = {
  牵头: '牵头', 责任: '责任', 主责: '责任', 配合: '配合', 协办: '配合', 参与: '配合', 协同: '配合', 协作: '配合',
};

/** ROLE_LABEL without group names (a match costs a third), read by number. */
const LABEL = unnamed(ROLE_LABEL);
const LABEL_ROLE = LABEL.group('role');
const LABEL_COLON = LABEL.group('colon');
const LABEL_BARE = LABEL.group('bare');

interface Segment {
  start: number;
  end: number;
  role: AgencyRole;
}

/**
 * Finds the responsibility notes in [start, end) of `mt.text`: bracketed notes with role labels
 * (`(责任单位:市教育局、市科协)`, `[牵头单位:县教育局、各镇(园区)]`, `(牵头部门:… 配合部门:…)`,
 * `(牵头单位:市教育体育局;责任单位:…)`), notes closed by a verb (`(县教育局、团县委按职责分工负责)`,
 * `(县委组织部负责)`; units before 牵头 lead: `(责任单位:教体局、科协牵头,其他成员单位按职责分工负责)`),
 * bare lists of units closing a paragraph (`(县全民科学素质工作领导小组办公室)`), lines that start
 * with a label (`牵头单位:市科协`), labels after a sentence within a line (`…。责任单位:市教育局`, to the
 * next 。 or a list number glued after it), and sentences that are notes (`由县农业农村局牵头,县科协配合。`:
 * see {@link proseNotes}). Generic words (其他成员单位) are dropped; a note may then have no units.
 * Returned offsets are normalised; agency spans are original.
 *
 * @example
 * const mt = mapIdentity('开展校园科普日。(责任单位:市教育局、市科协)');
 * findAgencyNotes(mt, 0, mt.text.length);
 * // [{ start: 8, end: 23, hasLead: false, agencies: [{ name: '市教育局', role: '责任', … }, { name: '市科协', … }] }]
 */
export function findAgencyNotes(mt: MappedText, start: number, end: number): AgencyNote[] {
  if (start < 0 || end > mt.text.length || start > end) {
    throw new RangeError(`findAgencyNotes: bad range ${start}-${end} for a text of ${mt.text.length}`);
  }
  const text = mt.text;
  const notes: AgencyNote[] = [];
  // Open brackets not yet closed on this line: positions, bottom first (`depth` of them in use).
  const stack: number[] = [];
  let depth = 0;
  let lineStart = start;
  // Line by line: a labelled line is read whole; otherwise only line breaks and brackets matter, and
  // they are taken from the text's list of them rather than from a look at every unit.
  const marks = textMarks(text).breaksAndBrackets;
  let j = firstAtOrAfter(marks, start);
  while (lineStart < end) {
    const roleLine = mayBeRoleLine(text, lineStart) ? roleLineAt(text, lineStart, end) : null;
    if (roleLine) {
      const { lineEnd } = roleLine;
      // To the line's end, or to its first 。 or a list number glued after the last unit (市科协3.加强…).
      const stop = inlineNoteEnd(text, lineStart, lineEnd);
      const note = readNoteTo(mt, lineStart, stop, lineEnd);
      if (note) {
        // A deadline glued after the units (完成时限2025年) is the note's.
        note.end = partAfter(text, note.end, end);
        notes.push(note);
      }
      depth = 0;
      lineStart = lineEnd + 1;
      while (j < marks.length && marks[j]! < lineStart) j++;
      continue;
    }
    let next = end;
    for (; j < marks.length && marks[j]! < end; j++) {
      const i = marks[j]!;
      const c = text.charCodeAt(i);
      if (c === NEWLINE) {
        next = i + 1;
        j++;
        break;
      }
      if (isOpenBracket(c)) {
        if (depth > 0 && i - stack[0]! > MAX_NOTE) depth = 0;
        stack[depth++] = i;
      } else if (depth > 0) {
        const open = stack[--depth]!;
        if (depth === 0) {
          const note = readNote(mt, open, i + 1, open + 1, i);
          if (note) {
            // Another part of the note after it (【牵头单位:市科协】【完成时限】2023年底) is the note's: the
            // marks inside that part are passed over.
            note.end = partAfter(text, note.end, end);
            while (j + 1 < marks.length && marks[j + 1]! < note.end) j++;
            notes.push(note);
          }
        }
      }
    }
    depth = 0;
    lineStart = next;
  }
  return withInlineLabels(mt, start, end, notes);
}

/** How the units after a label without a colon start (市教育局, 各县(市、区), 团市委). */
const UNIT_FIRST = '[市县区省州盟旗镇乡各团]';

/**
 * A label after a sentence or a clause within a line (`…推进科学教育。责任单位:市教育局、市科技局`, `…,责任单位:…`,
 * `…。【责任单位】…`), or one without its colon after a sentence when a unit follows (`…。责任单位县科协`).
 */
const INLINE_LABEL = new RegExp(`[。；;，,][ \\t]*${ROLE_UNIT_LABEL}|[。；;][ \\t]*(?:${ROLE_WORDS})(?:单位|部门)(?=${UNIT_FIRST})`, 'gu');

/** An inline label's match that has its colon or its 】 (else it is a bare one: see INLINE_LABEL). */
const HAS_COLON_OR_LENTICULAR = /[:：】]/u;

/**
 * The notes with those of labels that follow a sentence within a line, each read to the end of its
 * sentence (the next 。, a list number glued after it, or the line's end); a bracketed
 * note inside one (各镇(园区)) is part of it, not a note of its own.
 */
function withInlineLabels(mt: MappedText, start: number, end: number, notes: AgencyNote[]): AgencyNote[] {
  const text = mt.text;
  let inline: AgencyNote[] = [];
  // The label is looked for up to the range's end only (a search to the text's end for each section was
  // quadratic in the number of sections).
  const scope = end === text.length ? text : text.slice(0, end);
  INLINE_LABEL.lastIndex = start;
  // The first line break after the last label (or the text's end), kept for the labels after it on its line
  // (a search from each of thousands of labels on one line to its end grew with their square).
  let nl = -1;
  for (let m = INLINE_LABEL.exec(scope); m !== null; m = INLINE_LABEL.exec(scope)) {
    const noteStart = m.index + 1;
    // A label inside a bracketed note ([牵头单位:…;配合单位:…]) is that note's; a bracket that is only the
    // label (【责任单位】市教育局) is not a note of its own: the units follow it.
    const k = firstKeyAtOrAfter(notes, noteStart + 1, (n) => n.start);
    if (k > 0 && noteStart < notes[k - 1]!.end && notes[k - 1]!.end > m.index + m[0].length) continue;
    if (nl < noteStart) {
      nl = text.indexOf('\n', noteStart);
      if (nl < 0) nl = text.length;
    }
    const lineEnd = nl > end ? end : nl;
    const from = m.index + m[0].length;
    // A label without a colon (…。责任单位市科协: a table's cells run together) only before units alone, as on a line of its own.
    if (!HAS_COLON_OR_LENTICULAR.test(m[0])) {
      // Looked at up to MAX_NOTE units only: thousands of such labels on one line are each read in bounded time.
      const cap = Math.min(lineEnd, from + MAX_NOTE);
      const to = inlineNoteEnd(text, from, cap);
      if ((to === cap && cap < lineEnd) || !looksLikeUnits(text, from, to, true)) continue;
    }
    const stop = inlineNoteEnd(text, from, lineEnd);
    const note = readNoteTo(mt, noteStart, stop, lineEnd);
    if (note) {
      // A deadline glued after the units (…。责任单位:市科协完成时限2025年) is the note's, as on a line of its own.
      if (GLUED_DEADLINE.test(text.slice(stop, stop + 6))) note.end = partAfter(text, note.end, end);
      inline.push(note);
    }
    // The next label may follow the 。 that ends this note.
    INLINE_LABEL.lastIndex = stop;
  }
  const prose = proseNotes(mt, start, end, notes, inline);
  if (prose.length > 0) inline = mergeInOrder(inline, prose);
  if (inline.length === 0) return notes;
  // Both lists are in text order: merged in one pass, a bracketed note inside an inline one dropped.
  const out: AgencyNote[] = [];
  let k = 0;
  for (const n of notes) {
    while (k < inline.length && inline[k]!.start <= n.start) {
      if (inline[k]!.end > n.start) break;
      out.push(inline[k++]!);
    }
    const i = inline[k];
    if (i && i.start <= n.start && n.start < i.end) continue;
    out.push(n);
  }
  while (k < inline.length) out.push(inline[k++]!);
  return out;
}

/**
 * A sentence of units, each clause closed by its verb, and nothing else: `由县农业农村局牵头,县科协配合。`,
 * `县卫健委、县老龄办负责。` (the verb at the sentence's end: 。 ; or the line's end follow it).
 */
const PROSE_TAIL = /(?:牵头|配合|协助|参与|负责|落实|[【(（](?:牵头|配合|协办|参与|负责)[】)）])(?=[。；;]|[ \t]*(?:\n|$))/gu;
/** Longer than any such sentence. */
const MAX_PROSE = 80;
const isSentenceEnd = codeSet('。；;\n');
const isClauseComma = codeSet(',，');
const isUnitSeparator = codeSet('、');

/**
 * The notes written as a sentence of their own in [start, end) (see {@link PROSE_TAIL}): every clause
 * names units (or 各成员单位 and the like) and ends with its verb, and some unit is named. None inside
 * another note (`notes`, `inline`: in text order).
 */
function proseNotes(mt: MappedText, start: number, end: number, notes: readonly AgencyNote[], inline: readonly AgencyNote[]): AgencyNote[] {
  const text = mt.text;
  const out: AgencyNote[] = [];
  const scope = end === text.length ? text : text.slice(0, end);
  PROSE_TAIL.lastIndex = start;
  for (let m = PROSE_TAIL.exec(scope); m !== null; m = PROSE_TAIL.exec(scope)) {
    const e = m.index + m[0].length;
    // The sentence's start: after the last 。 ; or line break, within MAX_PROSE.
    let s = m.index;
    const limit = Math.max(start, m.index - MAX_PROSE);
    while (s > limit && !isSentenceEnd(text.charCodeAt(s - 1))) s--;
    if (s > start && !isSentenceEnd(text.charCodeAt(s - 1))) continue;
    while (s < e && isWhiteSpace(text.charCodeAt(s))) s++;
    // A bare label before the units (…。责任单位县科协、县教育局负责。): they are read after it, in its role.
    const label = PROSE_LABEL.exec(text.slice(s, s + 4));
    const from = label ? s + label[0].length : s;
    if (within(notes, s, e) || within(inline, s, e) || !unitClauses(text, from, e)) continue;
    const agencies: Agency[] = [];
    const hasLead = readProseClauses(mt, from, e, label ? ROLE_OF_LABEL[label[1]!]! : '责任', agencies);
    if (agencies.length === 0) continue;
    out.push({ start: s, end: text.charCodeAt(e) === STOP ? e + 1 : e, agencies, hasLead });
  }
  return out;
}

/** Whether [s, e) overlaps one of `notes` (in text order). */
function within(notes: readonly AgencyNote[], s: number, e: number): boolean {
  const k = firstKeyAtOrAfter(notes, e, (n) => n.start);
  return k > 0 && notes[k - 1]!.end > s;
}

/**
 * Whether each clause of [s, e) (parted by commas) is a list of units closed by a verb: every item, its
 * 由 and 等 aside, ends like a unit's name or is a generic one (各成员单位), and some item is a unit.
 */
function unitClauses(text: string, s: number, e: number): boolean {
  let named = false;
  for (let from = s; ; ) {
    const cut = nextCut(text, from, e, isClauseComma);
    // Its verb, or its role in brackets after its last unit (区科协【牵头】, 区教育体育局、区文旅局（配合）).
    const tail = roleTail(text, from, cut) >> 2 || cut - (clauseRoleMark(text, from, cut)?.at ?? cut);
    if (tail === 0) return false;
    for (let a = from, stop = cut - tail; ; ) {
      const c = nextCut(text, a, stop, isUnitSeparator);
      let i = a;
      let j = c;
      while (i < j && isWhiteSpace(text.charCodeAt(i))) i++;
      while (j > i && isWhiteSpace(text.charCodeAt(j - 1))) j--;
      i += byLength(text, i, j);
      j -= unitEtcLength(text, i, j);
      if (j - i < 2 || j - i > 20) return false;
      const item = text.slice(i, j);
      if (AGENCY_END.test(item) && !NOT_UNIT_START.test(item)) {
        // In prose a unit is named as one: not a topic before 由 (所需经费由县财政局负责), two joined
        // (县教育局和县科协负责), 各级党委和政府, nor those who take part (学校、科技馆等参与, 科技志愿服务队参与:
        // a school, a venue or a team is a unit only as a place's own, 县科技馆).
        if (PROSE_NOT_UNIT.test(item) || (PARTICIPANT_END.test(item) && !PLACE_UNIT.test(item))) return false;
        named = true;
      } else if (!GENERIC_UNIT.test(item)) return false;
      if (c >= stop) break;
      a = c + 1;
    }
    if (cut >= e) return named;
    from = cut + 1;
  }
}

/** A bare label opening a sentence of units (责任单位县科协负责。), its role word in group 1. */
const PROSE_LABEL = new RegExp(`^(${ROLE_WORDS})(?:单位|部门)`, 'u');
/**
 * What a unit's name in prose holds not: 由 after a topic (所需经费由…), a joining word after a unit or before
 * another (县委和县政府, 县总工会与县妇联), a label before it (主办单位县科协), 其中, 各级 or 全县 first.
 */
const PROSE_NOT_UNIT = /(?<!自)由|(?:委|局|办|部|会|科协|政府|镇|乡)(?:和|与|及|会同|联合|同)|(?:和|与|及|会同|联合)(?=[市县区省州盟旗镇乡团各])|(?:单位|部门)(?=.)|^(?:其中|各级|全[县市区省州旗])/u;
/** How the names of those who take part end (学校, 科技馆, 志愿服务队, 科普站, 活动中心). */
const PARTICIPANT_END = /(?:学校|校|馆|队|站|中心|基地)(?:\([^()]*\))?$/u;
/** How the name of a place's unit starts (县科技馆, 团县委, 各乡镇(街道)). */
const PLACE_UNIT = /^(?:[市县区省州盟旗镇乡团]|各(?:乡镇|镇|乡|街道|县|区|市|园区))/u;

/** The role in brackets that ends the clause [from, cut) (its spaces aside), if any. */
function clauseRoleMark(text: string, from: number, cut: number): { at: number; role: AgencyRole } | null {
  let e = cut;
  while (e > from && isWhiteSpace(text.charCodeAt(e - 1))) e--;
  return unitRoleMark(text, from, e);
}

/**
 * The units of a note written as a sentence, clause by clause (see {@link unitClauses}), onto `out`: a clause
 * closed by its role in brackets (区教育体育局、区文旅局（配合）) gives it to all its units, else as
 * `readSegment` reads it. Whether some clause that names a unit leads.
 */
function readProseClauses(mt: MappedText, start: number, end: number, role: AgencyRole, out: Agency[]): boolean {
  const text = mt.text;
  let leads = false;
  for (let from = start; ; ) {
    const cut = nextCut(text, from, end, isClauseComma);
    const mark = clauseRoleMark(text, from, cut);
    const before = out.length;
    if (mark) {
      pushAgencyList(mt, from, mark.at, mark.role, out);
      leads ||= mark.role === '牵头' && out.length > before;
    } else leads = readSegment(mt, { start: from, end: cut, role }, out) || leads;
    if (cut >= end) return leads;
    from = cut + 1;
  }
}

/** Two lists of notes in text order, none overlapping another, as one. */
function mergeInOrder(a: readonly AgencyNote[], b: readonly AgencyNote[]): AgencyNote[] {
  const out: AgencyNote[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) out.push(j >= b.length || (i < a.length && a[i]!.start < b[j]!.start) ? a[i++]! : b[j++]!);
  return out;
}

/** The note of a label from `noteStart` to `stop` (see {@link inlineNoteEnd}), a 。 there included in its range. */
function readNoteTo(mt: MappedText, noteStart: number, stop: number, lineEnd: number): AgencyNote | null {
  return readNote(mt, noteStart, stop < lineEnd && mt.text.charCodeAt(stop) === STOP ? stop + 1 : stop, noteStart, stop);
}

/** A list number or heading glued after a note (`市科协2.大力培育…`, `市科协2)大力培育…`, `市科协(二)实施…`; `(A)` is an OCR'd `(八)`). */
const GLUED_NUMBER = /^(?:\d{1,2}[.．、)）]|[(（](?:[一二三四五六七八九十]{1,3}|[A-Z])[)）])\p{Script=Han}/u;

/**
 * The labels of a note's parts that name no unit (`完成时限:2023年底`, `【责任人】张三`), as a regex source.
 */
const PART_WORDS = '完成时限|完成时间|时间节点|时间安排|推进时限|责任人|联系人|工作要求';

/** A deadline's label glued to the units before it and the date after it (a table's cells run together: 市科协完成时限2025年). */
const GLUED_DEADLINE = /^(?:完成时限|完成时间|时间节点|推进时限)(?=\d|长期|持续)/u;
const WAN = 0x5b8c; // 完
const SHI = 0x65f6; // 时
const TUI = 0x63a8; // 推

/**
 * A role label or word in 【】 (`【配合单位】`, `市教育局【牵头】`), or the label of another part of the note
 * (`【完成时限】2023年底`): the note goes on after it.
 */
const ROLE_BRACKET = new RegExp(`^【(?:(?:${ROLE_WORDS_ALL}|负责)(?:单位|部门|】)|(?:${PART_WORDS})】)`, 'u');
const LENTICULAR = 0x3010;

/**
 * Where an inline note whose units start at `from` ends: at the first 。 (a unit's name holds none, so a
 * bracket left open in the list does not carry the note on), before a list number or a deadline's label
 * (完成时限2025年) glued to its last unit outside brackets, before a 【 outside brackets that opens no role
 * label (`【解读】…`, `【专栏1】…`: the text after the note), or at `lineEnd` (one pass over the note).
 */
function inlineNoteEnd(text: string, from: number, lineEnd: number): number {
  let depth = 0;
  for (let i = from; i < lineEnd; i++) {
    const c = text.charCodeAt(i);
    if (c === STOP) return i;
    if (c === LENTICULAR && depth === 0 && i > from && !ROLE_BRACKET.test(text.slice(i, i + 7))) return i;
    if ((c === WAN || c === SHI || c === TUI) && depth === 0 && i > from && GLUED_DEADLINE.test(text.slice(i, i + 6))) return i;
    if (depth === 0 && ((c >= 0x30 && c <= 0x39) || isOpenBracket(c)) && i > from && GLUED_NUMBER.test(text.slice(i, i + 6))) {
      const p = text.charCodeAt(i - 1);
      if (!(p >= 0x30 && p <= 0x39)) return i;
    }
    if (isOpenBracket(c)) depth++;
    else if (isCloseBracket(c) && depth > 0) depth--;
  }
  return lineEnd;
}

/**
 * Where another part of a note may start after it: the label of a part in 【】, or of a deadline or a
 * person before a colon (not 工作要求:, which also opens a paragraph of prose).
 */
const PART_AFTER = new RegExp(`^[；;，,]?[ \\t]*(?:【(?:${PART_WORDS})】|(?:${PART_WORDS.replace('|工作要求', '')})[:：]|${GLUED_DEADLINE.source.slice(1)})`, 'u');

/**
 * The end of a bracketed note ending at `at` with the parts of it that follow (`【完成时限】2023年底`,
 * `;完成时限:2023年底;责任人:张三`: they name no unit), each to the end of its value (see
 * {@link partValueEnd}); `at` when none follows.
 */
function partAfter(text: string, at: number, end: number): number {
  const nl = text.indexOf('\n', at);
  const lineEnd = nl < 0 || nl > end ? end : nl;
  let pos = at;
  for (let m = PART_AFTER.exec(text.slice(pos, pos + 12)); m; m = PART_AFTER.exec(text.slice(pos, pos + 12))) {
    const from = pos + m[0].length;
    const to = partValueEnd(text, from, lineEnd);
    // A deadline's label without a colon is one only before a date alone: 完成时间2023年底前建成10个站 is the text's.
    if (!GLUED_LABEL_END.test(m[0]) && !GLUED_VALUE.test(text.slice(from, to))) break;
    pos = to;
  }
  return pos;
}

/** A part's label that ends in its colon or its 】 (not glued to its value). */
const GLUED_LABEL_END = /[:：】]$/u;
/** The value of a deadline glued to its label: a date, a span of years, or 长期/持续… alone, nothing after it. */
const GLUED_VALUE = new RegExp(`^(?:${DATE}(?:[—–\\-~～至到]${DATE})?起?|长期坚持|长期|持续推进|持续开展|持续)[ \\t]*$`, 'u');

/**
 * Where the value of a part (2023年底, 长期, 张三(科协主席)) starting at `from` ends: at the 。 that ends
 * the sentence (which stays: it ends the measure's sentence), at a clause separator (what follows is
 * the text's — 二是…, 通过线上线下…, a 配合单位: label — unless it labels another part), at a 【】 (another
 * part's label, 【专栏1】) or a bracket naming a role (another note: (市教育局配合)), before a list
 * number glued to it, or at the line's end.
 */
function partValueEnd(text: string, from: number, lineEnd: number): number {
  for (let i = from; i < lineEnd; i++) {
    const c = text.charCodeAt(i);
    if (isClauseSeparator(c) || c === LENTICULAR) return i;
    if (isOpenBracket(c)) {
      const close = closingBracket(text, i, lineEnd);
      if (close < 0 || ROLE_IN_BRACKET.test(text.slice(i + 1, close))) return i;
      i = close;
    } else if (c >= 0x30 && c <= 0x39 && i > from && GLUED_NUMBER.test(text.slice(i, i + 6))) {
      const p = text.charCodeAt(i - 1);
      if (!(p >= 0x30 && p <= 0x39)) return i;
    }
  }
  return lineEnd;
}

/** A bracket that is a note of its own after a part (its role or 负责). */
const ROLE_IN_BRACKET = new RegExp(`${ROLE_WORDS_ALL}|负责|单位|部门`, 'u');

/** The bracket closing the one open at `open`, before `lineEnd`; -1 when none does. */
function closingBracket(text: string, open: number, lineEnd: number): number {
  let depth = 0;
  for (let i = open; i < lineEnd; i++) {
    const c = text.charCodeAt(i);
    if (isOpenBracket(c)) depth++;
    else if (isCloseBracket(c) && --depth === 0) return i;
  }
  return -1;
}

/** A role label without a colon, its units right after it (a table's cells run together: 责任单位市教育局、市科协). */
const ROLE_LINE_BARE = new RegExp(`^[ \\t]*(?:${ROLE_WORDS})(?:单位|部门)(?=${UNIT_FIRST})`, 'u');
const UNITS_START = new RegExp(`^[ \\t]*${UNIT_FIRST}`, 'u');
/** A label alone on its line (a table's cell: 【责任单位】, 责任单位: or 责任单位), its units on the next. */
const ROLE_ALONE = new RegExp(`^[ \\t]*(?:${ROLE_UNIT_LABEL}|(?:${ROLE_WORDS})(?:单位|部门))[ \\t]*$`, 'u');

/**
 * The line at `lineStart` when it is a note that a role label starts: with a colon or in 【】 (ROLE_LINE);
 * without one, when all it lists after the label are units; and a label alone on its line takes the next
 * line with it when that line lists only units. Null otherwise.
 */
function roleLineAt(text: string, lineStart: number, end: number): { lineEnd: number } | null {
  const nl = text.indexOf('\n', lineStart);
  const lineEnd = nl < 0 || nl > end ? end : nl;
  const head = text.slice(lineStart, lineStart + 12);
  const labelled = ROLE_LINE.test(head);
  if (labelled || lineEnd - lineStart <= 12) {
    if (lineEnd < end && ROLE_ALONE.test(text.slice(lineStart, lineEnd))) {
      // The units on the next line, or the one after a blank line (a table's cells a line apart).
      let from = lineEnd + 1;
      if (from < end && text.charCodeAt(from) === NEWLINE) from++;
      const nl2 = text.indexOf('\n', from);
      const next = nl2 < 0 || nl2 > end ? end : nl2;
      if (next > from && bareLabelUnits(text, from, next) && unitsUpToNoteEnd(text, from, next)) return { lineEnd: next };
    }
    // A bare label alone is a note only with its units on the next line.
    if (labelled) return { lineEnd };
  }
  const bare = ROLE_LINE_BARE.exec(head);
  if (!bare) return null;
  const from = lineStart + bare[0].length;
  return unitsUpToNoteEnd(text, from, lineEnd) ? { lineEnd } : null;
}

/**
 * The line in [from, to) after a bare label alone (责任单位, a table's header cell as well) may be its units:
 * they start as a bare label's do (市教育局、市科协), it lists more than one (教育局、科技局), or its one item
 * ends like an office's name (洛阳市科协, 教育局). A single item of text that only ends like some unit's name
 * (建设县科技馆, 组建科技志愿服务队, 完善市青少年科技活动中心: the task cell after a header) is not.
 */
function bareLabelUnits(text: string, from: number, to: number): boolean {
  if (UNITS_START.test(text.slice(from, from + 8))) return true;
  const stop = inlineNoteEnd(text, from, to);
  const cut = nextCut(text, from, stop, isListSeparator);
  for (let i = cut + 1; i < stop; i++) if (!isWhiteSpace(text.charCodeAt(i)) && !isListSeparator(text.charCodeAt(i))) return true;
  let e = stop;
  while (e > from && isWhiteSpace(text.charCodeAt(e - 1))) e--;
  return OFFICE_END.test(text.slice(Math.max(from, e - 16), e));
}

/** How the name of an office ends (OFFICE_WORDS, a bracket after it). */
const OFFICE_END = new RegExp(`(?:${OFFICE_WORDS})(?:\\([^()]*\\))?$`, 'u');

/**
 * The line's text from `from` lists units only, or does up to where a note would end (a 【解读】… after
 * them is the text's). The whole line first: 【】 inside a unit's name (各县【市、区】科协) ends a note
 * before the name's end, and 市科协、各县 alone is no list of units.
 */
function unitsUpToNoteEnd(text: string, from: number, lineEnd: number): boolean {
  if (looksLikeUnits(text, from, lineEnd, true)) return true;
  const to = inlineNoteEnd(text, from, lineEnd);
  return to < lineEnd && looksLikeUnits(text, from, to, true);
}

/** First characters of a role label (牵头 责任 主责 配合 协办 参与). */
const ROLE_FIRST = new Set([...'牵责主配协参'].map((c) => c.charCodeAt(0)));

/** Whether a role label may start the line at `i` (after spaces and tabs): ROLE_LINE's first look. */
function mayBeRoleLine(text: string, i: number): boolean {
  let k = i;
  while (text.charCodeAt(k) === 0x20 || text.charCodeAt(k) === 0x09) k++;
  // (【责任单位】市科协)
  if (text.charCodeAt(k) === 0x3010) k++;
  return ROLE_FIRST.has(text.charCodeAt(k));
}

/** Characters a note's content ends with when a verb closes it (负责, 牵头, 配合, 协助, 参与, 落实). */
const VERB_END = new Set([...'责头合助与实'].map((c) => c.charCodeAt(0)));
const COLON = 0x3a;
const FULL_COLON = 0xff1a;
const STOP = 0x3002;
const LENTICULAR_CLOSE = 0x3011;

/**
 * A cheap look before reading: a note has a colon (a label), starts with a role word, ends with a verb,
 * or closes a paragraph. Most brackets ((一), (所、站), (2022-2025年)) fail here without a string built.
 */
function mayBeNote(text: string, noteStart: number, noteEnd: number, cs: number, ce: number): boolean {
  if (ce - cs < 2 || ce - cs > MAX_NOTE) return false;
  if (VERB_END.has(text.charCodeAt(contentEnd(text, cs, ce) - 1))) return true;
  if (closesParagraph(text, noteStart, noteEnd)) return true;
  for (let i = cs; i < ce; i++) {
    const c = text.charCodeAt(i);
    // A colon, or a label's 】 (【责任单位】市科协。…: the note does not close its line).
    if (c === COLON || c === FULL_COLON || c === LENTICULAR_CLOSE) return true;
  }
  return ROLE_WORD_START.test(text.slice(cs, cs + 2));
}

/** The end of a note's content without a closing 。 or spaces. */
function contentEnd(text: string, cs: number, ce: number): number {
  let e = ce;
  while (e > cs && (text.charCodeAt(e - 1) === STOP || isSpaceCode(text.charCodeAt(e - 1)))) e--;
  return e;
}

/** The note ends its paragraph or sentence: a line break, 。 or the end follows, or 。 precedes it. */
function closesParagraph(text: string, noteStart: number, noteEnd: number): boolean {
  let i = noteEnd;
  while (i < text.length && isSpaceCode(text.charCodeAt(i)) && text.charCodeAt(i) !== NEWLINE) i++;
  const after = text.charCodeAt(i);
  return i >= text.length || after === NEWLINE || after === STOP || text.charCodeAt(noteStart - 1) === STOP;
}

/** Reads one candidate note; null when it is not a responsibility note. */
function readNote(mt: MappedText, noteStart: number, noteEnd: number, cs: number, ce: number): AgencyNote | null {
  if (!mayBeNote(mt.text, noteStart, noteEnd, cs, ce)) return null;
  const segments = labelledSegments(mt.text, cs, ce) ?? unlabelledSegment(mt.text, noteStart, noteEnd, cs, ce);
  if (!segments) return null;
  const agencies: Agency[] = [];
  // A note leads by a label or a verb (牵头单位:, …牵头), not by a unit's own 【牵头】 in a list: that
  // unit leads the measure the note is on, which stays the measure's (see `leadNotes` in parse-plan.ts).
  let hasLead = false;
  for (const seg of segments) hasLead = readSegment(mt, seg, agencies) || hasLead;
  return { start: noteStart, end: noteEnd, agencies, hasLead };
}

/** Segments after role labels; text before the first label is 责任. Null when there is no label. */
function labelledSegments(text: string, cs: number, ce: number): Segment[] | null {
  // Every label ends in 单位 or 部门, or is a bare role word before its colon (looked for in place: most
  // notes have none, and need no slice).
  if (!hasPair(text, cs, ce, DAN, WEI) && !hasPair(text, cs, ce, BU, MEN) && !hasBareLabel(text, cs, ce)) return null;
  const content = text.slice(cs, ce);
  // The labels that count are read in one pass: a label's segment runs to the next label that counts,
  // so each is added when the next is met (or at the end); text before the first one is 责任.
  const segments: Segment[] = [];
  // Whether each segment follows a bare role word (牵头:), and whether some label that counts is not bare.
  const bare: boolean[] = [];
  let unitLabel = false;
  let prev: RegExpExecArray | null = null;
  for (const m of execAll(LABEL.re, content)) {
    const at = m.index;
    // A bare role word (牵头:) first in a note only where a label may start (县科协牵头:… is no label of
    // 头), and not 参与, 协同 or 协作 ((参与:全市中小学生) names who takes part, not who is responsible);
    // after another label, also right after a unit (牵头:团市委 参与:县科协, the space dropped in reading).
    const starts = at === 0 || isLabelSeparator(content.charCodeAt(at - 1));
    // A label of units without its colon glued to the unit before it, after another label: a table's row
    // run together (牵头单位县科协配合单位县农业农村局, the tabs between its cells dropped).
    const glued = () => prev !== null && AGENCY_END.test(content.slice(Math.max(0, at - 16), at));
    const counts = m[LABEL_BARE] !== undefined ? prev !== null || (starts && !AFTER_LABEL_ONLY.has(m[LABEL_ROLE]!)) : m[LABEL_COLON] !== undefined || starts || glued();
    if (!counts) continue;
    if (prev === null) {
      if (at > 0 && HAN.test(content.slice(0, at))) {
        segments.push({ start: cs, end: cs + at, role: '责任' });
        bare.push(false);
      }
    } else {
      segments.push(labelSegment(content, prev, cs, at));
      bare.push(prev[LABEL_BARE] !== undefined);
    }
    if (m[LABEL_BARE] === undefined) unitLabel = true;
    prev = m;
  }
  if (prev === null) return null;
  segments.push(labelSegment(content, prev, cs, content.length));
  bare.push(prev[LABEL_BARE] !== undefined);
  // A note whose only labels are bare role words must name a unit after one of them: a bare word with its
  // colon is also ordinary prose ((配合:做好宣传), (牵头:建立工作机制), (责任:落实到人)), which would otherwise be
  // taken as units and cut from the measure's text. A label ending in 单位 or 部门 says so by itself.
  if (!unitLabel && !segments.some((seg, k) => bare[k] && looksLikeUnits(text, seg.start, seg.end))) return null;
  return segments;
}

/**
 * Another label's part of a note (;完成时限:2023年底, ;时间安排:长期坚持, ;责任人:张三, 【完成时限】2023年底,
 * 完成时限:… glued to the last unit when the space before it was dropped): it names no unit. Not a role
 * label damaged (责科单位:, 建任单位:) nor a bare role word (;配合:市科协): one that starts with a role word
 * (but for a person: 责任人, 牵头领导) or ends like a label of units.
 */
const OTHER_LABEL = new RegExp(
  `[;；,，][ \\t]*(?!(?:${ROLE_WORDS_ALL})(?!\\p{Script=Han}{0,3}(?:人|领导)[:：]))\\p{Script=Han}{1,7}(?<![位门])[:：]` +
    `|[;；,，]?[ \\t]*【(?!(?:${ROLE_WORDS_ALL}|负责)】)[^【】\\s]{1,8}(?<![位门])】` +
    `|(?:${PART_WORDS})[:：]`,
  'u',
);

/**
 * The segment after a label match (in `content`, which starts at `cs` in the text), up to `next` in the
 * content, or to another label's part before it.
 */
function labelSegment(content: string, m: RegExpExecArray, cs: number, next: number): Segment {
  const from = m.index + m[0].length;
  const other = OTHER_LABEL.exec(content.slice(from, next));
  return { start: cs + from, end: cs + (other ? from + other.index : next), role: ROLE_OF_LABEL[m[LABEL_ROLE]!] ?? '责任' };
}

/** What LABEL_SEPARATOR says of each code unit, learnt on first sight: 0 not yet asked, 1 yes, 2 no. */
const separatorKnown = new Uint8Array(0x10000);

/** `LABEL_SEPARATOR.test(ch)` for the one-unit string of `c`, without a string or a regex per call. */
function isLabelSeparator(c: number): boolean {
  let v = separatorKnown[c]!;
  if (v === 0) {
    v = LABEL_SEPARATOR.test(String.fromCharCode(c)) ? 1 : 2;
    separatorKnown[c] = v;
  }
  return v === 1;
}

const DAN = 0x5355; // 单
const WEI = 0x4f4d; // 位
const BU = 0x90e8; // 部
const MEN = 0x95e8; // 门

/** Role words that, bare (参与:), are a label only after another label of the note. */
const AFTER_LABEL_ONLY = new Set(['参与', '协同', '协作']);

/** The role words of labels (all two units long), each by its two code units. */
const ROLE_PAIRS = new Set(ROLE_WORDS_ALL.split('|').map((w) => w.charCodeAt(0) * 0x10000 + w.charCodeAt(1)));

/** Whether a role word stands right before a colon in [start, end) of `text` (a bare label: 牵头:, 配合：). */
function hasBareLabel(text: string, start: number, end: number): boolean {
  for (let i = start + 2; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c === 0x3a || c === 0xff1a) && ROLE_PAIRS.has(text.charCodeAt(i - 2) * 0x10000 + text.charCodeAt(i - 1))) return true;
  }
  return false;
}

/** Whether the units `a` `b` stand side by side in [start, end) of `text`. */
function hasPair(text: string, start: number, end: number, a: number, b: number): boolean {
  for (let i = start; i + 1 < end; i++) if (text.charCodeAt(i) === a && text.charCodeAt(i + 1) === b) return true;
  return false;
}

/**
 * A note without labels: closed by a verb (负责, 牵头 …), or a bare list of units that closes a
 * paragraph or sentence.
 */
function unlabelledSegment(text: string, noteStart: number, noteEnd: number, cs: number, ce: number): Segment[] | null {
  // The content [cs, e) is read in place: ROLE_TAIL by its words (role-tail.ts), the list by positions.
  const e = contentEnd(text, cs, ce);
  if (e === cs) return null;
  const tail = roleTail(text, cs, e) >> 2;
  // A label damaged in reading (技任单位:, 责科单位:) is no part of the first unit's name.
  const from = cs + (DAMAGED_LABEL.exec(text.slice(cs, cs + 8))?.[0].length ?? 0);
  // Any other label before a colon names no role: (培训地点:市委党校), (地点:市科技馆) are asides.
  if (HAS_COLON.test(text.slice(from, e))) return null;
  if (tail > 0 && looksLikeUnits(text, from, e - tail)) return [{ start: from, end: ce, role: '责任' }];
  return closesParagraph(text, noteStart, noteEnd) && looksLikeUnits(text, from, e, true) ? [{ start: from, end: ce, role: '责任' }] : null;
}

/**
 * A label of units damaged in reading: its role word (技任单位:, 责科单位:: two characters, then 单位 or 部门)
 * or its 单位 (责任新位:, 牵头单质:: a role word, then two characters), then a colon.
 */
const DAMAGED_LABEL = new RegExp(`^(?:\\p{Script=Han}{2}(?:单位|部门)|(?:${ROLE_WORDS_ALL})\\p{Script=Han}{2})[:：]`, 'u');
const HAS_COLON = /[:：]/u;

/**
 * Words a unit's name never starts with: an aside naming places or units (（含各级党校）, （主要依托市科技馆）).
 * Not the counties 含山县 (马鞍山市) and 比如县 (那曲市), whose units' names start so (含山县科协, 比如县教育局).
 */
const NOT_UNIT_START = /^(?:含(?!山县)|包括|包含|依托|主要依托|纳入|例如|比如(?!县))/u;

/**
 * Every item of the list in [start, end) of `text` (split outside brackets, trimmed, empty ones left
 * out) ends like a unit's name; without `strict`, some item does — or every item does once read as
 * `readUnit` reads a clause (see below). False when there is no item.
 */
function looksLikeUnits(text: string, start: number, end: number, strict = false): boolean {
  const min = strict ? 3 : 2;
  let items = 0;
  // Without `strict`, each item read as `readUnit` reads it: whether every one names a unit (or is a
  // generic one, 各有关部门), and whether some one is no generic unit.
  let allRead = true;
  let named = false;
  for (let from = start; ; ) {
    const cut = nextCut(text, from, end, isListSeparator);
    // The item trimmed as `String.prototype.trim` would.
    let a = from;
    let b = cut;
    while (a < b && isWhiteSpace(text.charCodeAt(a))) a++;
    while (b > a && isWhiteSpace(text.charCodeAt(b - 1))) b--;
    // A unit's own role after it (市教育局【牵头】) is no part of its name.
    b = unitRoleMark(text, a, b)?.at ?? b;
    if (!strict) {
      if (b > a) {
        const item = text.slice(a, b);
        if (b - a >= min && (AGENCY_END.test(item) || PLACE_GROUP.test(item)) && !NOT_UNIT_START.test(item)) return true;
        // In a note closed by a verb, a clause's own verb, its 等 and a leading 由 are no part of its unit
        // either ((由县教育局牵头,县科协等部门配合)): as `readUnit` reads it. Read so, every item must name a
        // unit — (学校牵头,家长配合), (企业、学会等参与) are asides — and none opens like an aside
        // ((如县科技馆等参与), (主要由学校等负责)). Not in a bare list ((如科技馆、博物馆等) is an aside).
        let c = b - (roleTail(text, a, b) >> 2);
        c -= unitEtcLength(text, a, c);
        const s = a + byLength(text, a, c);
        if (c > s) {
          items++;
          const read = text.slice(s, c);
          if (GENERIC_UNIT.test(read)) {
            // (…,各有关部门配合): a unit, not a named one
          } else if ((PLACE_NAMED.test(read) || (c - s >= min && AGENCY_END.test(read))) && !NOT_UNIT_START.test(read) && !ASIDE_START.test(read)) named = true;
          else allRead = false;
        }
      }
    } else {
      if (cut >= end) {
        // A list closed by 等部门 or 等单位 (县教育局、县科协等部门) says it names units: that is no part of the
        // last, nor is a deadline glued to it (县科协2025年12月底前: a table's cells run together).
        b -= dateTailLength(text, a, b);
        if (unitEtcLength(text, a, b) === 3) b -= 3;
      }
      if (b > a) {
        items++;
        const item = text.slice(a, b);
        if (!(b - a >= min && (AGENCY_END.test(item) || PLACE_GROUP.test(item)) && !NOT_UNIT_START.test(item))) return false;
      }
    }
    if (cut >= end) break;
    from = cut + 1;
  }
  return items > 0 && (strict || (allRead && named));
}

/** The governments of every place below (各县(市、区), 各县区, 各乡镇(街道)): a unit, though 县 ends no unit's name. */
const PLACE_GROUP = /^各(?:县|市|区|旗|乡|镇|街道|县区|县市区|乡镇)(?:\([^()]*\))?$/u;
/** An aside's first words before a unit (如县科技馆等参与, 主要由学校等负责), but for the counties 如皋市 and 如东县. */
const ASIDE_START = /^(?:如(?![皋东])|主要)/u;
/** A unit named after its place whatever its end (县医疗机构, 市直各单位). */
const PLACE_NAMED = /^[省市县区州盟旗]\p{Script=Han}{3}/u;

/**
 * Splits a segment into clauses, onto `out`; a clause closed by 牵头 leads, by 配合/协助 assists. Whether
 * some clause that names a unit leads (by its label or its verb).
 */
function readSegment(mt: MappedText, seg: Segment, out: Agency[]): boolean {
  const text = mt.text;
  let leads = false;
  for (let from = seg.start; ; ) {
    const cut = nextCut(text, from, seg.end, isClauseSeparator);
    // ROLE_TAIL on the clause trimmed at its end, read in place (role-tail.ts).
    let e = cut;
    while (e > from && isWhiteSpace(text.charCodeAt(e - 1))) e--;
    const group = roleTail(text, from, e) & 3;
    const role: AgencyRole = group === TAIL_LEAD ? '牵头' : group === TAIL_ASSIST ? '配合' : seg.role;
    const before = out.length;
    pushAgencyList(mt, from, cut, role, out);
    leads ||= role === '牵头' && out.length > before;
    if (cut >= seg.end) return leads;
    from = cut + 1;
  }
}
