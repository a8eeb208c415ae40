import type { Agency, AgencyRole } from '../model/index.js';
import type { MappedText } from '../text/mapped-text.js';
import { codeSet, isOpenBracket, isSpaceCode, splitOutsideBrackets } from './internal/brackets.js';
import { firstAtOrAfter, textMarks } from './internal/text-marks.js';
import { AGENCY_END, HAN, LABEL_SEPARATOR, ROLE_LABEL, ROLE_LINE, ROLE_TAIL, ROLE_WORD_START } from './internal/patterns.js';
import { parseAgencyList } from './parse-agency-list.js';
import { execAll } from './internal/exec-all.js';

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
 * bare lists of units closing a paragraph (`(县全民科学素质工作领导小组办公室)`), and lines that start
 * with a label (`牵头单位:市科协`). Generic words (其他成员单位) are dropped; a note may then have no units.
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
    if (mayBeRoleLine(text, lineStart) && ROLE_LINE.test(text.slice(lineStart, lineStart + 12))) {
      const nl = text.indexOf('\n', lineStart);
      const lineEnd = nl < 0 || nl > end ? end : nl;
      const note = readNote(mt, lineStart, lineEnd, lineStart, lineEnd);
      if (note) notes.push(note);
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
          if (note) notes.push(note);
        }
      }
    }
    depth = 0;
    lineStart = next;
  }
  return notes;
}

/** First characters of a role label (牵头 责任 主责 配合 协办 参与). */
const ROLE_FIRST = new Set([...'牵责主配协参'].map((c) => c.charCodeAt(0)));

/** Whether a role label may start the line at `i` (after spaces and tabs): ROLE_LINE's first look. */
function mayBeRoleLine(text: string, i: number): boolean {
  let k = i;
  while (text.charCodeAt(k) === 0x20 || text.charCodeAt(k) === 0x09) k++;
  return ROLE_FIRST.has(text.charCodeAt(k));
}

/** Characters a note's content ends with when a verb closes it (负责, 牵头, 配合, 协助, 参与, 落实). */
const VERB_END = new Set([...'责头合助与实'].map((c) => c.charCodeAt(0)));
const COLON = 0x3a;
const FULL_COLON = 0xff1a;
const STOP = 0x3002;

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
    if (c === COLON || c === FULL_COLON) return true;
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
  for (const seg of segments) agencies.push(...readSegment(mt, seg));
  return { start: noteStart, end: noteEnd, agencies, hasLead: agencies.some((a) => a.role === '牵头') };
}

/** Segments after role labels; text before the first label is 责任. Null when there is no label. */
function labelledSegments(text: string, cs: number, ce: number): Segment[] | null {
  const content = text.slice(cs, ce);
  // Every label ends in 单位 or 部门.
  if (!content.includes('单位') && !content.includes('部门')) return null;
  const labels = execAll(ROLE_LABEL, content).filter((m) => {
    const at = m.index;
    return m.groups!['colon'] !== undefined || at === 0 || LABEL_SEPARATOR.test(content[at - 1] ?? '');
  });
  if (labels.length === 0) return null;
  const segments: Segment[] = [];
  const first = labels[0]!.index;
  if (HAN.test(content.slice(0, first))) segments.push({ start: cs, end: cs + first, role: '责任' });
  labels.forEach((m, k) => {
    const next = labels[k + 1]?.index ?? content.length;
    segments.push({ start: cs + m.index + m[0].length, end: cs + next, role: ROLE_OF_LABEL[m.groups!['role']!] ?? '责任' });
  });
  return segments;
}

/**
 * A note without labels: closed by a verb (负责, 牵头 …), or a bare list of units that closes a
 * paragraph or sentence.
 */
function unlabelledSegment(text: string, noteStart: number, noteEnd: number, cs: number, ce: number): Segment[] | null {
  const content = text.slice(cs, contentEnd(text, cs, ce));
  if (content.length === 0) return null;
  const whole: Segment[] = [{ start: cs, end: ce, role: '责任' }];
  if (mayEndWithRole(content) && ROLE_TAIL.test(content) && looksLikeUnits(content.replace(ROLE_TAIL, ''))) return whole;
  return closesParagraph(text, noteStart, noteEnd) && looksLikeUnits(content, true) ? whole : null;
}

/** Every item of the list (split outside brackets) ends like a unit's name. */
function looksLikeUnits(s: string, strict = false): boolean {
  const items = splitOutsideBrackets(s, 0, s.length, isListSeparator)
    .map(([a, b]) => s.slice(a, b).trim())
    .filter((x) => x.length > 0);
  if (items.length === 0) return false;
  const ok = (x: string) => AGENCY_END.test(x) && x.length >= (strict ? 3 : 2);
  return strict ? items.every(ok) : items.some(ok);
}

/** Splits a segment into clauses; a clause closed by 牵头 leads, by 配合/协助 assists. */
function readSegment(mt: MappedText, seg: Segment): Agency[] {
  const out: Agency[] = [];
  for (const [s, e] of splitOutsideBrackets(mt.text, seg.start, seg.end, isClauseSeparator)) {
    const clause = mt.text.slice(s, e).trimEnd();
    const tail = mayEndWithRole(clause) ? ROLE_TAIL.exec(clause) : null;
    const role: AgencyRole = tail?.groups?.['lead'] ? '牵头' : tail?.groups?.['assist'] ? '配合' : seg.role;
    out.push(...parseAgencyList(mt, s, e, role));
  }
  return out;
}

/** Last characters of the verbs ROLE_TAIL reads (牵头, 负责, 配合, 协助, 参与, 落实): a cheap look before it. */
const ROLE_TAIL_END = new Set([...'头责合助与实'].map((c) => c.charCodeAt(0)));

function mayEndWithRole(s: string): boolean {
  return s.length > 0 && ROLE_TAIL_END.has(s.charCodeAt(s.length - 1));
}
