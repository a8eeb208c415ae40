import { parseChineseNumber } from '../extract/parse-chinese-number.js';
import { circledOrdinal } from './headings.js';
import { codeSet } from '../extract/internal/brackets.js';
import { pushAgencyList } from '../extract/parse-agency-list.js';
import { firstKeyAtOrAfter } from '../text/sorted.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Agency, Level, Measure, Part, Plan, Section } from '../model/plan.js';
import type { Span } from '../model/span.js';
import { toOriginalSpan, type MappedText } from '../text/mapped-text.js';
import { normalizeText, type TextPass } from '../text/normalize-text.js';
import { isWhiteSpace } from '../text/white-space.js';
import { detectMojibake, REAL_WORLD_PASSES } from '../text/passes/index.js';
import {
  detectDraft,
  extractAnnexAgencies,
  extractBasis,
  extractDocNumber,
  extractIndicators,
  extractPeriod,
  extractRegion,
  extractTargets,
  findAgencyNotes,
  type AgencyNote,
  type AnnexRow,
} from '../extract/index.js';
import { readOutline, type OutlineMeasure, type OutlineSection, type Range } from './outline.js';
import { compactTitle, headingKey, sameHeadingKey } from './titles.js';
import { z } from 'zod';
import { checkOptions, FunctionSchema } from '../model/check-options.js';

/** Options of {@link parsePlan}. */
export interface ParsePlanOptions {
  /** The file name or label, carried into the plan and its diagnostics. */
  source?: string;
  /**
   * Normalisation passes run before structure is read; the default converts traditional script to
   * simplified (when the text looks traditional) and strips inserted pinyin.
   */
  passes?: readonly TextPass[];
}

/** {@link ParsePlanOptions} as a schema. */
export const ParsePlanOptionsSchema = z.strictObject({ source: z.string().optional(), passes: z.array(FunctionSchema).optional() });

/**
 * Reads a plan's text into the typed model: title, region, period, draft flag, basis documents,
 * parts, actions and projects with their measures and responsible units, the headline target,
 * baselines and indicators. Every node carries a span into `text`. Never throws on content: what it
 * cannot read becomes a diagnostic.
 *
 * @example
 * const plan = parsePlan(text, { source: 'lanzhou.txt' });
 * plan.region?.name;          // '兰州市'
 * plan.sections[0]?.title;    // '青少年科学素质提升行动'
 */
export function parsePlan(text: string, options: ParsePlanOptions = {}): Plan {
  if (typeof text !== 'string') throw new TypeError('parsePlan: text must be a string');
  checkOptions('parsePlan', ParsePlanOptionsSchema, options);
  const source = options.source ?? '<text>';
  const diagnostics: Diagnostic[] = [];
  const { mt, notes, previewCut } = normalizeText(text, { passes: options.passes ?? REAL_WORLD_PASSES });
  for (const n of notes) {
    diagnostics.push({ code: n.code, severity: 'info', message: noteMessage(n.code, n.count), span: n.span });
  }
  const damaged = detectMojibake(mt);
  for (const kind of new Set(damaged.map((d) => d.kind))) {
    const runs = damaged.filter((d) => d.kind === kind);
    const first = runs[0]!;
    diagnostics.push({
      code: 'noise/mojibake',
      severity: 'warning',
      message: `${runs.length} damaged run(s) of text (${kind}), first 「${first.text}」; figures in them are not read`,
      span: { start: first.start, end: first.end },
    });
  }
  const t = mt.text;
  const outline = readOutline(t);
  const span = (r: Range) => toOriginalSpan(mt, r.start, r.end);

  const annexRows = outline.parts
    .filter((p) => p.kind === 'annex')
    .flatMap((p) => extractAnnexAgencies(mt, p.range.start, p.range.end));
  // The rows' heading keys once, not once per section.
  const annex: AnnexKeyed = { rows: annexRows, keys: annexRows.map((r) => headingKey(r.title)) };
  const sections = outline.sections.map((s) => buildSection(text, mt, s, annex, diagnostics));
  // Numbering that jumps ((三) after (一)) may mean a section was lost or misread.
  outline.sections.forEach((s, i) => {
    const prev = outline.sections[i - 1];
    if (!prev || s.ordinal <= 1 || prev.ordinal === 0 || s.ordinal === prev.ordinal + 1) return;
    diagnostics.push({
      code: 'outline/numbering-gap',
      severity: 'warning',
      message: `section ${s.label ?? ''} follows ${prev.label ?? ''}: a section may be missing or misread`,
      span: span({ start: s.range.start, end: s.title.end }),
    });
  });
  const parts: Part[] = outline.parts.map((p) => ({ kind: p.kind, title: compactTitle(t.slice(p.title.start, p.title.end)), span: span(p.range) }));

  const title = outline.title;
  const found = extractPeriod(mt, title, diagnostics);
  const period = found?.span ? { ...found, raw: text.slice(found.span.start, found.span.end) } : found;
  const region = extractRegion(mt, title, diagnostics);
  const frontEnd = outline.parts.find((p) => p.kind === 'tasks')?.range.start ?? t.length;
  const basis = extractBasis(mt, 0, frontEnd).map((b) => ({ ...b, raw: text.slice(b.span.start, b.span.end) }));
  // `raw` is the evidence as read, so it holds in any script or spacing the file used.
  const asRead = <T extends { raw: string; span: { start: number; end: number } }>(x: T): T => ({ ...x, raw: text.slice(x.span.start, x.span.end) });
  const targets = extractTargets(mt, { periodEnd: period?.end ?? null }, diagnostics).map(asRead);
  const indicators = extractIndicators(mt, diagnostics).map(asRead);
  const draft = detectDraft(mt, diagnostics);
  const docNumber = extractDocNumber(mt, 0, frontEnd)?.docNumber ?? null;

  const inAnnex = outline.parts.at(-1)?.kind === 'annex';
  const truncated = previewCut || (!inAnnex && endsMidSentence(t));
  if (truncated) {
    diagnostics.push({
      code: 'plan/truncated',
      severity: 'warning',
      message: previewCut
        ? 'the text is a site preview that stops before the end of the document'
        : 'the text stops in the middle of a sentence',
      span: toOriginalSpan(mt, lastCharsFrom(t, lastContent(t), 20), lastContent(t)),
    });
  }
  if (sections.length === 0) {
    const looksLikePlan = /科学素质|科普/u.test(t) && /(方案|纲要|计划)/u.test(t);
    diagnostics.push(
      looksLikePlan
        ? { code: 'outline/no-sections', severity: 'warning', message: 'no actions or projects were found in the text' }
        : { code: 'plan/not-a-plan', severity: 'error', message: 'the text does not read as a 全民科学素质 implementation plan' },
    );
  }
  if (title === null && sections.length > 0) {
    diagnostics.push({ code: 'plan/no-title', severity: 'warning', message: 'no plan title was found' });
  }

  const level: Level = region?.level ?? 'unknown';
  return {
    source,
    title: title ? compactTitle(t.slice(title.start, title.end)) : null,
    // Always present (undefined without a title): one shape of plan object for the code that reads them.
    titleSpan: title ? span(title) : undefined,
    region,
    level,
    period,
    draft,
    docNumber,
    basis,
    parts,
    sections,
    targets,
    indicators,
    truncated,
    textLength: text.length,
    // Errors name the file in their message too: they are what a user reads first.
    diagnostics: diagnostics.map((d) => ({ ...d, ...(d.severity === 'error' ? { message: `${source}: ${d.message}` } : {}), source })),
  };
}

/** The original span of a range of the normalised text. */
function spanOf(mt: MappedText, r: Range): Span {
  return toOriginalSpan(mt, r.start, r.end);
}

/** The original text of a range of the normalised text (its evidence as read). */
function rawOf(original: string, mt: MappedText, r: Range): string {
  const o = toOriginalSpan(mt, r.start, r.end);
  return original.slice(o.start, o.end);
}

/** The note starts inside the range. */
function inRange(n: AgencyNote, r: Range): boolean {
  return n.start >= r.start && n.start < r.end;
}

/** The note starts inside one of the measures (in text order, none overlapping: the last starting at or before it). */
function inAnyMeasure(n: AgencyNote, measures: readonly OutlineMeasure[]): boolean {
  const k = firstKeyAtOrAfter(measures, n.start + 1, (m) => m.range.start);
  return k > 0 && inRange(n, measures[k - 1]!.range);
}

/**
 * Which notes go with a lead unit (1): those naming one, and the notes on the lines right after such a
 * note when each is a line of its own (牵头单位:市教育局 / 配合单位:市科技局: one note on two lines), or right
 * before it when they only name units that assist (配合单位:市科技局 / 牵头单位:市教育局). A note of 责任 units
 * on the line before a lead one is not its part (a measure's 责任单位:市文旅局, then the section's
 * 牵头单位:市教育局 after the last measure).
 */
function leadNotes(t: string, notes: readonly AgencyNote[]): Uint8Array {
  const lead = new Uint8Array(notes.length);
  for (let k = 0; k < notes.length; ) {
    // A run of notes each on a line of its own, one after the other.
    let end = k + 1;
    if (ownLine(t, notes[k]!)) while (end < notes.length && ownLine(t, notes[end]!) && blank(t, notes[end - 1]!.end, notes[end]!.start)) end++;
    let any = 0;
    for (let j = k; j < end; j++) {
      if (notes[j]!.hasLead) {
        // The 配合 notes right before the first lead note of the run go with it.
        if (any === 0) for (let i = j - 1; i >= k && onlyAssist(notes[i]!); i--) lead[i] = 1;
        any = 1;
      }
      if (any) lead[j] = 1;
    }
    k = end;
  }
  return lead;
}

/** The note names units, all of them assisting (配合单位:市科技局、市科协). */
function onlyAssist(n: AgencyNote): boolean {
  if (n.agencies.length === 0) return false;
  for (const a of n.agencies) if (a.role !== '配合') return false;
  return true;
}

/** The note starts its line (after spaces). */
function ownLine(t: string, n: AgencyNote): boolean {
  let i = n.start;
  while (i > 0 && (t.charCodeAt(i - 1) === 0x20 || t.charCodeAt(i - 1) === 0x09)) i--;
  return i === 0 || t.charCodeAt(i - 1) === 0x0a;
}

/** Only white space in [a, b). */
function blank(t: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (!isWhiteSpace(t.charCodeAt(i))) return false;
  return true;
}

/** Whether `next` is the measure numbered after `m` (2. after 1., (3) after (2), ④ after ③), by the labels as written. */
function followedByNext(t: string, m: OutlineMeasure, next: OutlineMeasure | undefined): boolean {
  if (!next) return false;
  const a = labelNumber(t, m.title.start);
  return a !== null && labelNumber(t, next.title.start) === a + 1;
}

/** A measure's label: 1. 2、 (3) （四） ⑤ ⑹ 六是. */
const LABEL = String.raw`(?:[(（]?([0-9０-９]{1,3}|[一二三四五六七八九十]{1,3})[)）.．、]|([①-⑳⑴-⒇])|([一二三四五六七八九十]{1,3})是)`;
const LABEL_BEFORE = new RegExp(`${LABEL}[ \\t]*$`, 'u');
/** ① and 一是 the outline keeps at the start of the measure's title. */
const LABEL_IN_TITLE = new RegExp(`^${LABEL}`, 'u');

/** The number of a measure's label, right before its title at `at` (on its line) or at the title's start; null when none. */
function labelNumber(t: string, at: number): number | null {
  // The 8 units before the title, on its line (looked at only: a search back to the line's start, for
  // each of thousands of measures on one line, grew with their square).
  let from = Math.max(0, at - 8);
  for (let i = at - 1; i >= from; i--) {
    if (t.charCodeAt(i) === 0x0a) {
      from = i + 1;
      break;
    }
  }
  const m = LABEL_BEFORE.exec(t.slice(from, at)) ?? LABEL_IN_TITLE.exec(t.slice(at, at + 5));
  if (!m) return null;
  // ① … ⑳ and ⑴ … ⒇ by their code points; 1, ２, 四 by parseChineseNumber (which reads full-width digits too).
  return m[2] ? circledOrdinal(m[2].charCodeAt(0)) : parseChineseNumber(m[1] ?? m[3]!);
}

/** Whether a note in [from, to) naming a lead unit (or going with one) is on a line of its own. */
function ownLineLeadBefore(t: string, notes: readonly AgencyNote[], lead: Uint8Array, to: number, from: number): boolean {
  for (let k = firstNoteFrom(notes, from); k < notes.length && notes[k]!.start < to; k++) if (lead[k] && notes[k]!.hasLead && ownLine(t, notes[k]!)) return true;
  return false;
}

/** How many measures hold a note naming a lead unit (or going with one: `lead`). */
function measuresWithLead(t: string, notes: readonly AgencyNote[], lead: Uint8Array, measures: readonly OutlineMeasure[], ownLineLeads: boolean): number {
  let count = 0;
  for (let i = 0; i < measures.length; i++) {
    const m = measures[i]!;
    // After the last measure, a lead note on a line of its own is the section's (unless each measure has
    // its own so): it does not make the last measure one with a lead note of its own.
    const last = i === measures.length - 1 && !ownLineLeads;
    for (let k = firstNoteFrom(notes, m.range.start); k < notes.length && notes[k]!.start < m.range.end; k++) {
      if (lead[k] && !(last && ownLine(t, notes[k]!))) {
        count++;
        break;
      }
    }
  }
  return count;
}

/**
 * The index of the first note starting at or after `at`. Notes come in text order, none overlapping,
 * so a measure reads only its own (each measure reading every note of its section was quadratic: a
 * section of 32,000 inline measures, each with a note, took 5 s).
 */
function firstNoteFrom(notes: readonly AgencyNote[], at: number): number {
  return firstKeyAtOrAfter(notes, at, (n) => n.start);
}

/** The rows of a plan's annex table, with the heading key of each row's title. */
interface AnnexKeyed {
  rows: readonly AnnexRow[];
  keys: readonly string[];
}

/** The first annex row whose title names the same thing as `title` (`sameHeading`), if any. */
function annexRowOf(annex: AnnexKeyed, title: string): AnnexRow | undefined {
  if (annex.rows.length === 0) return undefined;
  const key = headingKey(title);
  for (let i = 0; i < annex.rows.length; i++) if (sameHeadingKey(annex.keys[i]!, key)) return annex.rows[i];
  return undefined;
}

function buildSection(original: string, mt: MappedText, s: OutlineSection, annex: AnnexKeyed, diagnostics: Diagnostic[]): Section {
  const t = mt.text;
  // (Plain loops and module functions here rather than closures and spreads: this runs for every
  // section and measure of every plan.)
  const notes = findAgencyNotes(mt, s.range.start, s.range.end);
  const lead = leadNotes(t, notes);
  const sectionAgencies: Agency[] = [];
  for (let k = 0; k < notes.length; k++) if (lead[k] || !inAnyMeasure(notes[k]!, s.measures)) for (const a of notes[k]!.agencies) sectionAgencies.push(a);
  const title = compactTitle(t.slice(s.title.start, s.title.end));
  const row = annexRowOf(annex, title);
  if (row) {
    for (const a of row.lead) sectionAgencies.push(a);
    for (const a of row.responsible) sectionAgencies.push(a);
  }

  // A note naming a lead unit inside a measure is the section's (often written after its last measure);
  // when two measures or more have one each, or its measure is followed by the next of its list (a
  // measure before the last, not one before a heading the outline missed), it is also its measure's.
  // The only measure of a section is all the section's work: a lead note in it is its measure's too.
  // Whether each measure before the last has a lead note on a line of its own (责任单位:… / 牵头单位:…
  // under each): then the last measure's first is its own too, not the section's.
  const ownLineLeads = s.measures.length > 1 && s.measures.slice(0, -1).every((m) => ownLineLeadBefore(t, notes, lead, m.range.end, m.range.start));
  const leadsPerMeasure = s.measures.length === 1 || measuresWithLead(t, notes, lead, s.measures, ownLineLeads) >= 2;
  const measures: Measure[] = [];
  for (let i = 0; i < s.measures.length; i++) {
    const m = s.measures[i]!;
    const ownLeads = leadsPerMeasure || followedByNext(t, m, s.measures[i + 1]);
    const last = i === s.measures.length - 1;
    // The agencies of the measure's own notes (a loop: flatMap is slow in V8).
    const agencies: Agency[] = [];
    let noted = false;
    // A lead note on a line of its own in the last measure, when each measure has one (ownLineLeads).
    let ownSeen = false;
    let closed = false;
    for (let k = firstNoteFrom(notes, m.range.start); k < notes.length && notes[k]!.start < m.range.end; k++) {
      // A lead note on a line of its own after the last measure's own note (责任单位:… / 牵头单位:…) closes
      // the section: it is the section's only — unless the measures before have theirs so, each its own
      // (the last measure's first is its own; a second one after it closes the section).
      // (Not a section's only measure: all its work, the section's lead note is its too.)
      if (last && noted && lead[k] && s.measures.length > 1 && ownLine(t, notes[k]!)) {
        if (!ownLineLeads || (ownSeen && notes[k]!.hasLead)) closed = true;
        if (notes[k]!.hasLead) ownSeen = true;
      }
      const closing = closed && lead[k] === 1;
      if (!lead[k] || (ownLeads && !closing)) for (const a of notes[k]!.agencies) agencies.push(a);
      // (a lead note in the measure's own text, (牵头单位:…) after its sentence, is its own note too)
      noted ||= !lead[k] || !ownLine(t, notes[k]!);
    }
    // A task table's row: its cells of units, and its task cell for the body (not the units and dates).
    if (m.row) for (const u of m.row.units) pushAgencyList(mt, u.start, u.end, u.role, agencies);
    measures.push({
      title: compactTitle(t.slice(m.title.start, m.title.end)),
      raw: rawOf(original, mt, m.title),
      label: m.label,
      body: textWithout(t, { start: m.title.end, end: m.row ? m.row.bodyEnd : m.range.end }, notes),
      agencies,
      span: spanOf(mt, m.range),
      titleSpan: spanOf(mt, m.title),
    });
  }
  const span = (r: Range) => spanOf(mt, r);
  if (s.ocr) {
    diagnostics.push({
      code: 'outline/ocr-numbering',
      severity: 'info',
      message: `the section number ${s.label ?? ''} looks OCR-damaged; read as number ${s.ordinal}`,
      span: span({ start: s.range.start, end: s.title.start }),
    });
  }
  if (s.glued) {
    diagnostics.push({
      code: 'outline/glued-heading',
      severity: 'info',
      message: `the heading 「${title}」 runs into the text after it`,
      span: span(s.title),
    });
  }
  if (measures.length === 0) {
    diagnostics.push({ code: 'outline/empty-section', severity: 'info', message: `no items were found under 「${title}」`, span: span(s.title) });
  }
  return {
    kind: s.kind,
    title,
    raw: rawOf(original, mt, s.title),
    label: s.label,
    intro: textWithout(t, s.intro, notes),
    measures,
    agencies: sectionAgencies,
    span: span(s.range),
    titleSpan: span(s.title),
  };
}

/** The text of a range without the responsibility notes inside it, trimmed. */
function textWithout(t: string, r: Range, notes: readonly AgencyNote[]): string {
  // The pieces between the notes, kept apart until joined: mending the end of the text so far (see
  // `joinAcross`) reads and changes only its last piece with words (a string grown note by note and
  // read at its end each time was flattened each time: 10,000 notes in one range took 2 s).
  const pieces = new Pieces();
  let pos = r.start;
  // From the note before the first starting in the range (it may run into it) to the last starting in it.
  for (let k = Math.max(0, firstNoteFrom(notes, r.start) - 1); k < notes.length && notes[k]!.start < r.end; k++) {
    const n = notes[k]!;
    if (n.end <= r.start) continue;
    pieces.push(t.slice(pos, Math.max(pos, n.start)));
    if (n.start >= pos) joinAcross(pieces, t, n.end, r.end);
    pos = Math.max(pos, n.end);
    // A separator right after a note that starts a sentence (…。(责任单位:市科协)完成时限:2023年底,持续推进。) goes.
    if (pos < r.end && isNoteSeparator(t.charCodeAt(pos)) && startsSentence(pieces.lastChar())) pos++;
  }
  pieces.push(t.slice(pos, r.end));
  const out = pieces.join();
  // What `out.replace(/^[。;；,，:：\s]+|\s+$/gu, '')` leaves, without the regex trying every position (a
  // point's body after its first clause, 一是加强…,开展…, starts at the comma).
  let a = 0;
  while (a < out.length && (isWhiteSpace(out.charCodeAt(a)) || isBodyLead(out.charCodeAt(a)))) a++;
  let b = out.length;
  while (b > a && isWhiteSpace(out.charCodeAt(b - 1))) b--;
  return a === 0 && b === out.length ? out : out.slice(a, b);
}

const isBodyLead = codeSet('。;；,，:：');

/** Text in pieces, with where its last character other than white space is (its piece and offset). */
class Pieces {
  private readonly parts: string[] = [];
  /** The piece holding the last character other than white space, and that character's offset (-1: none). */
  private piece = -1;
  private at = -1;

  push(s: string): void {
    this.parts.push(s);
    const j = lastSolid(s, s.length);
    if (j >= 0) {
      this.piece = this.parts.length - 1;
      this.at = j;
    }
  }

  /** The last character other than white space (a code unit), or -1 when there is none. */
  lastChar(): number {
    return this.piece < 0 ? -1 : this.parts[this.piece]!.charCodeAt(this.at);
  }

  /** Replaces the last character other than white space (and the white space after it) by `by`. */
  replaceLast(by: string): void {
    const p = this.piece;
    const s = this.parts[p]!;
    this.parts[p] = s.slice(0, this.at) + by;
    this.parts.length = p + 1;
    if (by === '') this.refind(p, this.at);
    else this.at += by.length - 1;
  }

  /** Looks for the last character other than white space before offset `end` of piece `p`, then in the pieces before it. */
  private refind(p: number, end: number): void {
    for (let q = p, e = end; q >= 0; q--, e = q >= 0 ? this.parts[q]!.length : 0) {
      const j = lastSolid(this.parts[q]!, e);
      if (j >= 0) {
        this.piece = q;
        this.at = j;
        return;
      }
    }
    this.piece = -1;
    this.at = -1;
  }

  join(): string {
    return this.parts.join('');
  }
}

/** The offset of the last character other than white space in `s` before `end`, or -1. */
function lastSolid(s: string, end: number): number {
  let k = end;
  while (k > 0 && isWhiteSpace(s.charCodeAt(k - 1))) k--;
  return k - 1;
}

const STOP = 0x3002;
/** A clause separator a note may follow (…组织科技节，责任单位:市教育局。). */
const isNoteSeparator = codeSet(',，;；');

/**
 * The text before a note removed (`pieces`), mended where the note followed a clause separator: the note
 * ended its sentence (its 。 removed with it) — the separator becomes that 。 (`组织科技节,开展活动。` was
 * left of `组织科技节，责任单位：市教育局。开展活动。`); nothing follows in the range, or a separator or
 * 。 does — the separator goes (no `组织科技节,` at the end, no `,,`).
 */
function joinAcross(pieces: Pieces, t: string, noteEnd: number, end: number): void {
  if (!isNoteSeparator(pieces.lastChar())) return;
  if (t.charCodeAt(noteEnd - 1) === STOP) {
    pieces.replaceLast('。');
    return;
  }
  let i = noteEnd;
  while (i < end && isWhiteSpace(t.charCodeAt(i))) i++;
  if (i >= end || isNoteSeparator(t.charCodeAt(i)) || t.charCodeAt(i) === STOP) pieces.replaceLast('');
}

/** Whether text after the last character other than white space `c` (-1: none) starts a sentence: none, or a 。 or ;. */
function startsSentence(c: number): boolean {
  return c < 0 || c === STOP || c === 0x3b || c === 0xff1b;
}

/** Where the last `n` code units before `end` start, moved back to the start of a surrogate pair it would split. */
function lastCharsFrom(t: string, end: number, n: number): number {
  let i = Math.max(0, end - n);
  if (i > 0 && (t.charCodeAt(i) & 0xfc00) === 0xdc00 && (t.charCodeAt(i - 1) & 0xfc00) === 0xd800) i--;
  return i;
}

function lastContent(t: string): number {
  let i = t.length;
  while (i > 0 && /\s/u.test(t[i - 1]!)) i--;
  return i;
}

const SIGNATURE_END = /(人民政府|办公室|办公厅|领导小组|委员会|协会|科协|学会|联合会|政府|局|厅|委|办|部|院|中心)$/u;

function endsMidSentence(t: string): boolean {
  const i = lastContent(t);
  if (i === 0) return false;
  const tail = t.slice(Math.max(0, i - 1), i);
  const lastLine = t.slice(t.lastIndexOf('\n', i - 1) + 1, i);
  // A signature or a date closes a document without punctuation: a short last line that is a date
  // (2022年6月, 2022年6月8日) or ends like the name of a body (…人民政府, …科学技术协会, …办公室).
  if (lastLine.length <= 30 && (/\d{4}年\d{1,2}月(\d{1,2}日)?$/u.test(lastLine) || SIGNATURE_END.test(lastLine))) return false;
  return /[\u4e00-\u9fff,、]/u.test(tail);
}

function noteMessage(code: string, count: number): string {
  switch (code) {
    case 'noise/site-chrome':
      return `${count} line(s) of web-site chrome (headers, page counters, footers) were left out`;
    case 'noise/page-markers':
      return `${count} page marker(s) that cut sentences were removed`;
    default:
      return `${count} piece(s) of markup residue were removed`;
  }
}
