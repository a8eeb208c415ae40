import type { ComparisonReport } from '../compare/schema.js';
import { csvRecord } from './html/escape.js';
import { byCodePoint, notAssessed, planError, targetPoints } from './html/view-model.js';
import type { AnalysisReport, ReportPlan } from '../analyze/analysis-report.js';

/**
 * The byte-order mark every CSV starts with, so that Excel reads the file as UTF-8 (Chinese intact).
 *
 * @example
 * const body = renderCsv(report).slice(CSV_BOM.length); // the CSV without its BOM, for a parser that keeps it
 */
export const CSV_BOM = '\ufeff';

/**
 * Columns of {@link renderCsv}, in order: one row per plan × template item.
 *
 * | column         | content                                                                                      |
 * |----------------|----------------------------------------------------------------------------------------------|
 * | `source`       | the file the plan was read from                                                              |
 * | `region`       | 兰州市 …; empty when unknown                                                                  |
 * | `level`        | province, city, county, district, national or unknown                                        |
 * | `templateId`   | the template item's id (`youth`, `youth.spirit`, `org.leadership`); empty for an unread plan |
 * | `itemTitle`    | the item's heading in the template                                                           |
 * | `itemLevel`    | `section` (an action or project), `sub-item`, or `org` (组织实施)                             |
 * | `status`       | `full`, `partial`, `none`; `unread` for a plan that could not be read; `not-assessed` for one whose outline gave no action or project |
 * | `sectionTitle` | the plan's section(s) the item was found in, `; `-separated                                  |
 * | `measureTitles`| the plan's measure(s) aligned with the item, `; `-separated                                  |
 * | `relation`     | equivalent / narrower / broader / overlapping of the section or measure(s), `; `-separated   |
 * | `confidence`   | the highest confidence of those alignments, 0–1                                              |
 * | `note`         | why a row is odd: the read error, `possibly truncated`, `keywords only in <section>`          |
 *
 * @example
 * const rows = renderCsv(report).slice(1).split('\r\n');
 * rows[0] === CSV_COLUMNS.join(','); // true
 * // seeds/000_4b23307378cbe49b.txt,兰州市,city,youth.spirit,将弘扬科学精神贯穿于育人全链条,sub-item,full,青少年科学素质提升行动,将科学精神融入教育全过程,overlapping,0.86,
 */
export const CSV_COLUMNS = [
  'source',
  'region',
  'level',
  'templateId',
  'itemTitle',
  'itemLevel',
  'status',
  'sectionTitle',
  'measureTitles',
  'relation',
  'confidence',
  'note',
] as const;

/**
 * Columns of {@link renderTargetsCsv}, in order: one row per plan with a headline target, highest
 * first, then one row per plan without one (`verdict` says `no-target` or `unread`, other cells empty).
 * `deltaVsNational` and `deltaVsParent` are percentage points; `deltaVsParent` and `z` are filled only
 * from a comparison.
 *
 * @example
 * renderTargetsCsv(comparison).slice(1).split('\r\n')[0] === TARGETS_CSV_COLUMNS.join(','); // true
 */
export const TARGETS_CSV_COLUMNS = [
  'rank',
  'source',
  'region',
  'level',
  'value',
  'comparator',
  'year',
  'aspirational',
  'approximate',
  'deltaVsNational',
  'verdict',
  'deltaVsParent',
  'z',
] as const;

/**
 * The coverage of every plan as CSV for spreadsheets: UTF-8 with a BOM (`\ufeff`), RFC 4180 quoting,
 * CRLF line ends, a header row of {@link CSV_COLUMNS}, then one row per plan × template item — every
 * item of the template the plan was aligned with (49 for the national outline: 10 actions and
 * projects, their 34 sub-items and the 5 组织实施 items), in template order. A plan that could not be
 * read gives one row with status `unread` and its error in `note`. Text cells that a spreadsheet would
 * take for a formula (`=`, `+`, `-`, `@`) are prefixed with `'`.
 *
 * Plans are in the report's order; with a comparison, in its canonical order (by source), so that the
 * same files give the same bytes whatever order they were given in. Deterministic; browser-safe.
 *
 * @example
 * const csv = renderCsv(buildAnalysisReport(results));
 * csv.startsWith('\ufeffsource,region,level,templateId'); // true
 * // seeds/000_4b23307378cbe49b.txt,兰州市,city,exchange,科学素质国际交流合作工程,section,none,,,,,
 */
export function renderCsv(report: AnalysisReport, comparison?: ComparisonReport | null): string {
  const out: string[] = [CSV_BOM, csvRecord(CSV_COLUMNS)];
  let plans: readonly ReportPlan[] = report.plans;
  if (comparison) {
    const order = new Map(comparison.matrix.rows.map((r, i) => [r.source, i]));
    plans = report.plans
      .map((p, i) => ({ p, i }))
      .sort((a, b) => (order.get(a.p.source) ?? Infinity) - (order.get(b.p.source) ?? Infinity) || byCodePoint(a.p.source, b.p.source) || a.i - b.i)
      .map((x) => x.p);
  }
  for (const p of plans) for (const row of planRows(p)) out.push(csvRecord(row));
  return out.join('');
}

function planRows(p: ReportPlan): (string | number | null)[][] {
  const error = planError(p);
  if (error !== null || p.coverage === null) {
    // A plan that was read but whose outline gave no action or project was not assessed (it was read).
    if (error === null && notAssessed(p)) return [[p.source, p.region, p.level, null, null, null, 'not-assessed', null, null, null, null, 'no actions or projects were found']];
    return [[p.source, p.region, p.level, null, null, null, 'unread', null, null, null, null, error ?? 'no coverage']];
  }
  const truncated = new Set(p.possiblyTruncated);
  const sectionOf = new Map<string, number>();
  for (const it of p.coverage.items) for (const ref of it.by) if (ref.measure === null && !sectionOf.has(it.id)) sectionOf.set(it.id, ref.section);
  return p.coverage.items.map((it) => {
    const sections: string[] = [];
    const measures: string[] = [];
    const relations: string[] = [];
    let confidence: number | null = null;
    for (const ref of it.by) {
      const s = p.sections[ref.section];
      if (!s) continue;
      const m = ref.measure === null ? null : s.measures[ref.measure];
      if (!sections.includes(s.title)) sections.push(s.title);
      if (m) measures.push(m.title);
      const a = m ?? s;
      if (a.relation && !relations.includes(a.relation)) relations.push(a.relation);
      if (a.confidence !== null) confidence = Math.max(confidence ?? 0, a.confidence);
    }
    let note: string | null = truncated.has(it.id) ? 'possibly truncated' : null;
    if (it.by.length === 0 && it.status === 'partial') {
      const parent = it.level === 'sub-item' ? it.id.slice(0, it.id.indexOf('.')) : null;
      const at = parent === null ? undefined : sectionOf.get(parent);
      const s = at === undefined ? undefined : p.sections[at];
      note = s ? `keywords only in ${s.title}` : it.level === 'section' ? 'only sub-items covered elsewhere' : 'keywords only';
    }
    return [p.source, p.region, p.level, it.id, it.title, it.level, it.status, sections.join('; '), measures.join('; '), relations.join('; '), confidence, note];
  });
}

/**
 * The headline-target table as CSV (BOM, RFC 4180, CRLF; columns {@link TARGETS_CSV_COLUMNS}): from a
 * comparison's target table (with parent deltas and z-scores), or from an analysis report (ranked the
 * same way — by value, ties sharing a rank — without them).
 *
 * @example
 * renderTargetsCsv(comparePlans(report, plans, { texts })).split('\r\n')[1];
 * // '1,seeds/004_55c845f41c91051a.txt,上虞区,district,18.5,>=,2025,false,false,3.5,exceeds,,1.249'
 */
export function renderTargetsCsv(comparisonOrReport: ComparisonReport | AnalysisReport): string {
  const out: string[] = [CSV_BOM, csvRecord(TARGETS_CSV_COLUMNS)];
  if (isComparison(comparisonOrReport)) {
    const t = comparisonOrReport.targets;
    for (const r of t.rows) {
      out.push(
        csvRecord([r.rank, r.source, r.region, r.level, r.value, { raw: r.comparator }, r.year, r.aspirational, r.approximate, r.deltaVsNational, r.verdict, r.deltaVsParent, r.z]),
      );
    }
    for (const w of t.withoutTarget) out.push(csvRecord([null, w.source, w.region, null, null, null, null, null, null, null, w.reason, null, null]));
    return out.join('');
  }
  const report = comparisonOrReport;
  for (const p of targetPoints(report)) {
    out.push(csvRecord([p.rank, p.source, p.region, p.level, p.value, { raw: p.comparator }, p.year, p.aspirational, p.approximate, p.deltaVsNational, p.verdict, null, null]));
  }
  for (const p of report.plans) {
    if (p.target) continue;
    out.push(csvRecord([null, p.source, p.region, p.level, null, null, null, null, null, null, planError(p) === null ? 'no-target' : 'unread', null, null]));
  }
  return out.join('');
}

function isComparison(x: ComparisonReport | AnalysisReport): x is ComparisonReport {
  return 'targets' in x && 'matrix' in x;
}
