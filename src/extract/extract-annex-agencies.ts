import type { Agency, AgencyRole, Span } from '../model/index.js';
import { toOriginalSpan, type MappedText } from '../text/mapped-text.js';
import { isSpaceCode } from './internal/brackets.js';
import {
  AGENCY_END,
  ANNEX_ASSIST_LABEL,
  ANNEX_HEADER_CELL,
  ANNEX_LEAD_LABEL,
  ANNEX_RESPONSIBLE_LABEL,
  ANNEX_ROW_NUMBER,
  ANNEX_TITLE_LABEL,
} from './internal/patterns.js';
import { pushAgencyList } from './parse-agency-list.js';

/** One row of a 工作分工表: the task, its lead units and its responsible (or assisting) units. */
export interface AnnexRow {
  title: string;
  lead: Agency[];
  responsible: Agency[];
  span: Span;
}

interface Cell {
  start: number;
  end: number;
  text: string;
}

type Column = { kind: 'title' } | { kind: 'lead' } | { kind: 'units'; role: AgencyRole } | { kind: 'other' };

/** Blank lines in a row that end the table (site footers follow the last row). */
const TABLE_GAP = 2;

/**
 * Reads a 工作分工表 annex in [start, end) of `mt.text` whose cells were extracted one per line
 * (or one line per row, cells separated by tabs): a header row `序号 / 工作内容 / 牵头单位 / 责任单位`,
 * then rows that start with their number, with an optional group cell (提升行动, 重点工程) before the
 * task. Columns are read from the header (`牵头部门`, `配合单位`, `完成时限` …); a row without numbers,
 * or an annex without 序号, yields nothing. Spans are original.
 *
 * @example
 * const mt = mapIdentity('序号\n工作内容\n牵头单位\n责任单位\n1\n提升行动\n实施青少年科学素质提升行动\n市教育体育局\n市委宣传部、市科协');
 * extractAnnexAgencies(mt, 0, mt.text.length);
 * // [{ title: '实施青少年科学素质提升行动', lead: [{ name: '市教育体育局', role: '牵头', … }],
 * //    responsible: [{ name: '市委宣传部', role: '责任', … }, { name: '市科协', … }], span: … }]
 */
export function extractAnnexAgencies(mt: MappedText, start: number, end: number): AnnexRow[] {
  if (start < 0 || end > mt.text.length || start > end) {
    throw new RangeError(`extractAnnexAgencies: bad range ${start}-${end} for a text of ${mt.text.length}`);
  }
  const lines = splitLines(mt.text, start, end);
  const rows: AnnexRow[] = [];
  let i = 0;
  while (i < lines.length) {
    const header = readHeader(lines, i);
    if (!header) {
      i++;
      continue;
    }
    i = header.next;
    while (i < lines.length) {
      const row = readRow(mt, lines, i, header.columns, header.tabbed);
      if (!row) break;
      rows.push(row.row);
      i = row.next;
    }
  }
  return rows;
}

/** What a column of a task table holds, by its header label. */
export type TableColumn = 'title' | 'lead' | 'responsible' | 'assist' | 'other';

/** A task table's header: where it ends, whether its rows are lines of tab-separated cells, and its columns after 序号. */
export interface TableHeader {
  end: number;
  tabbed: boolean;
  columns: TableColumn[];
}

/** The header line of a table: 序号 alone, or first of tab-separated labels. */
const HEADER_START = /^[ \t]*序号[ \t]*(?:\t[^\n]*)?$/mu;

/**
 * The first header of a task table (序号 / 具体任务 / 牵头单位 / 配合单位 …, one label per line or
 * tab-separated) that starts in [start, end) of `text` and names a task column and a column of units;
 * null when there is none. One pass from `start` (a line of 序号 that heads no such table is passed).
 */
export function findTableHeader(text: string, start: number, end: number): TableHeader | null {
  const scope = end === text.length ? text : text.slice(0, end);
  const re = new RegExp(HEADER_START.source, 'gmu');
  re.lastIndex = start;
  for (let m = re.exec(scope); m !== null; m = re.exec(scope)) {
    // The header's lines: its own, and up to a dozen label lines after it.
    let stop = m.index;
    for (let k = 0; k < 14 && stop < end; k++) {
      const nl = text.indexOf('\n', stop);
      stop = nl < 0 || nl >= end ? end : nl + 1;
    }
    const lines = splitLines(text, m.index, Math.min(stop, end));
    const header = readHeader(lines, 0);
    if (header) {
      const last = lines[header.next - 1]!;
      const columns = header.columns.map(kindOf);
      // A first column of groups labelled 类别 (分类, 类型) before the task column holds the groups' names.
      if (GROUP_LABEL.test(header.labels[0] ?? '') && columns.indexOf('title', 1) > 0) columns[0] = 'title';
      return { end: last.end, tabbed: header.tabbed, columns: spannedUnits(columns) };
    }
  }
  return null;
}

const GROUP_LABEL = /^(?:类别|分类|类型)$/u;

/**
 * A header of two rows (序号 / 具体任务 / 责任单位 / 完成时限 / 牵头单位 / 配合单位: 责任单位 spans the columns
 * of units labelled in the second row, written after the first row's labels): the second row's columns of
 * units stand where the spanning label does.
 */
function spannedUnits(columns: TableColumn[]): TableColumn[] {
  const span = columns.indexOf('responsible');
  const lead = columns.indexOf('lead');
  if (span < 0 || lead <= span || lead === columns.length - 1) return columns;
  for (let k = lead; k < columns.length; k++) if (columns[k] === 'title' || columns[k] === 'other') return columns;
  return [...columns.slice(0, span), ...columns.slice(lead), ...columns.slice(span + 1, lead)];
}

function kindOf(c: Column): TableColumn {
  return c.kind === 'units' ? (c.role === '配合' ? 'assist' : 'responsible') : c.kind;
}

/** Lines as cells (trimmed; blank lines kept as empty cells, to see gaps). */
function splitLines(text: string, start: number, end: number): Cell[] {
  const out: Cell[] = [];
  let s = start;
  while (s <= end) {
    let e = text.indexOf('\n', s);
    if (e < 0 || e > end) e = end;
    out.push(trimCell(text, s, e));
    s = e + 1;
  }
  return out;
}

/** [s, e) of `text` without the spaces around it, with its text (a table's cell). */
export function trimCell(text: string, s: number, e: number): Cell {
  let a = s;
  let b = e;
  while (a < b && isSpaceCode(text.charCodeAt(a))) a++;
  while (b > a && isSpaceCode(text.charCodeAt(b - 1))) b--;
  return { start: a, end: b, text: text.slice(a, b) };
}

function columnOf(label: string): Column {
  if (ANNEX_LEAD_LABEL.test(label)) return { kind: 'lead' };
  if (ANNEX_RESPONSIBLE_LABEL.test(label)) return { kind: 'units', role: '责任' };
  if (ANNEX_ASSIST_LABEL.test(label)) return { kind: 'units', role: '配合' };
  if (ANNEX_TITLE_LABEL.test(label)) return { kind: 'title' };
  return { kind: 'other' };
}

/** A header starting at line `i`: 序号 and the labels after it (one per line, or tab-separated). */
function readHeader(lines: readonly Cell[], i: number): { columns: Column[]; labels: string[]; next: number; tabbed: boolean } | null {
  const first = lines[i]!.text;
  if (first.includes('\t')) {
    const labels = first.split('\t').map((x) => x.trim()).filter((x) => x.length > 0);
    if (labels[0] !== '序号' || !labels.every((x) => ANNEX_HEADER_CELL.test(x))) return null;
    const columns = labels.slice(1).map(columnOf);
    return usable(columns) ? { columns, labels: labels.slice(1), next: i + 1, tabbed: true } : null;
  }
  if (first !== '序号') return null;
  const columns: Column[] = [];
  const labels: string[] = [];
  let k = i + 1;
  for (; k < lines.length; k++) {
    const t = lines[k]!.text;
    if (t === '') continue;
    if (!ANNEX_HEADER_CELL.test(t)) break;
    columns.push(columnOf(t));
    labels.push(t);
  }
  return usable(columns) ? { columns, labels, next: k, tabbed: false } : null;
}

function usable(columns: readonly Column[]): boolean {
  return columns.some((c) => c.kind === 'title') && columns.some((c) => c.kind === 'lead' || c.kind === 'units');
}

function looksLikeUnits(s: string): boolean {
  return s.split(/[、,，;；]/u).some((x) => AGENCY_END.test(x.trim()));
}

/** Reads the row whose number is on line `i`; null at the end of the table. */
function readRow(
  mt: MappedText,
  lines: readonly Cell[],
  i: number,
  columns: readonly Column[],
  tabbed: boolean,
): { row: AnnexRow; next: number } | null {
  let k = i;
  while (k < lines.length && lines[k]!.text === '') k++;
  const numberLine = lines[k];
  if (!numberLine) return null;
  let cells: Cell[];
  let next: number;
  if (tabbed) {
    const parts = splitTabs(mt.text, numberLine);
    if (!ANNEX_ROW_NUMBER.test(parts[0]?.text ?? '')) return null;
    cells = parts.slice(1);
    next = k + 1;
  } else {
    if (!ANNEX_ROW_NUMBER.test(numberLine.text)) return null;
    cells = [];
    let blanks = 0;
    next = k + 1;
    for (; next < lines.length; next++) {
      const t = lines[next]!.text;
      if (t === '') {
        if (++blanks >= TABLE_GAP && cells.length >= columns.length) break;
        continue;
      }
      if (ANNEX_ROW_NUMBER.test(t)) break;
      blanks = 0;
      cells.push(lines[next]!);
    }
  }
  const group = cells.length > columns.length && !looksLikeUnits(cells[0]!.text) && !looksLikeUnits(cells[1]?.text ?? '') ? 1 : 0;
  const used = cells.slice(group, group + columns.length);
  const title = used[columns.findIndex((c) => c.kind === 'title')];
  if (!title || looksLikeUnits(title.text)) return null;
  const lead: Agency[] = [];
  const responsible: Agency[] = [];
  columns.forEach((c, j) => {
    const cell = used[j];
    // A date is no unit (a row that lost its empty cell of units: 2025年 under 配合单位).
    if (!cell || DATE_CELL.test(cell.text)) return;
    if (c.kind === 'lead') pushAgencyList(mt, cell.start, cell.end, '牵头', lead);
    else if (c.kind === 'units') pushAgencyList(mt, cell.start, cell.end, c.role, responsible);
  });
  const last = used[used.length - 1]!;
  return { row: { title: title.text, lead, responsible, span: toOriginalSpan(mt, numberLine.start, last.end) }, next };
}

/** A cell of a completion date (2025年, 2022年12月底前, 全年, 长期坚持). */
/** A cell of a completion date (2022年12月, 全年, 长期坚持, 持续推进). */
export const DATE_CELL = /^(?:\d{4}\s*年|全年|长期|持续|常年|常态|每年|每季度|每月)/u;

/** A line's tab-separated cells, trimmed, empty ones left out. */
export function splitTabs(text: string, line: { start: number; end: number }): Cell[] {
  const out: Cell[] = [];
  let s = line.start;
  for (let i = line.start; i <= line.end; i++) {
    if (i === line.end || text[i] === '\t') {
      const c = trimCell(text, s, i);
      if (c.text !== '') out.push(c);
      s = i + 1;
    }
  }
  return out;
}
