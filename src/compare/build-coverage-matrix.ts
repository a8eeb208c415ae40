import type { CoverageStatus } from '../analyze/schema.js';
import { compareStrings, competitionRanks, round3, type ComparedPlan } from './internal/entries.js';
import type { CoverageMatrix, MatrixItem, MatrixRow } from './schema.js';

/**
 * The coverage matrix of a batch: template items as columns (the actions, projects and their
 * sub-items of the template most plans were aligned with, in template order; items only other
 * templates have come after, by id), one row per plan (by source) with each item's status from the
 * plan's own coverage (`full`, `partial`, `none`; null when the plan was not read or its template
 * lacks the item), the plan's local extras, and its score `(full + 0.5·partial) / assessed` over the
 * columns with its rank (best first, ties sharing a rank). Each item carries its adoption: how many
 * plans cover it fully, partly, not at all, and `rate = (full + 0.5·partial) / assessed`.
 *
 * @param plans - The batch in canonical order (see `comparePlans`).
 * @example
 * const m = buildCoverageMatrix(plans);
 * m.rows.find((r) => r.region === '兰州市')?.cells['exchange']; // 'none'
 * m.items.find((i) => i.id === 'exchange')?.adoption;          // { full: 3, partial: 0, none: 1, assessed: 4, rate: 0.75 }
 */
export function buildCoverageMatrix(plans: readonly ComparedPlan[]): CoverageMatrix {
  const templateId = mostCommonTemplate(plans);
  const items = columns(plans, templateId);
  const rows: Omit<MatrixRow, 'rank'>[] = plans.map((p) => {
    const cov = p.report.coverage;
    const status = new Map(cov ? cov.items.map((i) => [i.id, i.status] as const) : []);
    // An item missing only because the text stops early is not assessed, not counted as absent.
    const cut = new Set(p.report.possiblyTruncated);
    const cells: Record<string, CoverageStatus | null> = {};
    let assessed = 0;
    let points = 0;
    for (const it of items) {
      const found = cov ? (status.get(it.id) ?? null) : null;
      const s = found === 'none' && cut.has(it.id) ? null : found;
      cells[it.id] = s;
      if (s !== null) {
        assessed++;
        points += s === 'full' ? 1 : s === 'partial' ? 0.5 : 0;
      }
    }
    const extras = p.report.sections.filter((s) => s.templateId === null && s.kind !== 'other').map((s) => s.title);
    return { source: p.source, region: p.report.region, cells, score: cov && assessed > 0 ? round3(points / assessed) : null, extras };
  });
  const scored = rows.filter((r) => r.score !== null).sort((a, b) => b.score! - a.score! || compareStrings(a.source, b.source));
  const ranks = competitionRanks(scored, (a, b) => a.score === b.score);
  const rankOf = new Map(scored.map((r, i) => [r, ranks[i]!]));
  const withRanks: MatrixRow[] = rows.map((r) => ({ ...r, rank: rankOf.get(r) ?? null }));
  const withAdoption = items.map((it) => adoption(it, withRanks));
  return { templateId, items: withAdoption, rows: withRanks };
}

/** The template most plans' coverage was computed against; ties go to the smaller id. */
function mostCommonTemplate(plans: readonly ComparedPlan[]): string | null {
  const counts = new Map<string, number>();
  for (const p of plans) {
    const id = p.report.coverage?.templateId;
    if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]))[0]?.[0] ?? null;
}

type Column = Omit<MatrixItem, 'adoption'>;

function columns(plans: readonly ComparedPlan[], templateId: string | null): Column[] {
  const main: Column[] = [];
  const others = new Map<string, Column>();
  const seen = new Set<string>();
  const primary = plans.find((p) => p.report.coverage?.templateId === templateId)?.report.coverage;
  for (const it of primary?.items ?? []) {
    if (it.level === 'org') continue;
    seen.add(it.id);
    main.push({ id: it.id, title: it.title, level: it.level, parent: parentOf(it.id, it.level) });
  }
  for (const p of plans) {
    for (const it of p.report.coverage?.items ?? []) {
      if (it.level === 'org' || seen.has(it.id) || others.has(it.id)) continue;
      others.set(it.id, { id: it.id, title: it.title, level: it.level, parent: parentOf(it.id, it.level) });
    }
  }
  return [...main, ...[...others.values()].sort((a, b) => compareStrings(a.id, b.id))];
}

function parentOf(id: string, level: 'section' | 'sub-item'): string | null {
  if (level === 'section') return null;
  const dot = id.lastIndexOf('.');
  return dot > 0 ? id.slice(0, dot) : null;
}

function adoption(it: Column, rows: readonly MatrixRow[]): MatrixItem {
  let full = 0;
  let partial = 0;
  let none = 0;
  for (const r of rows) {
    const s = r.cells[it.id];
    if (s === 'full') full++;
    else if (s === 'partial') partial++;
    else if (s === 'none') none++;
  }
  const assessed = full + partial + none;
  return { ...it, adoption: { full, partial, none, assessed, rate: assessed > 0 ? round3((full + 0.5 * partial) / assessed) : null } };
}
