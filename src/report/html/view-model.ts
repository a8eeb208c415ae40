/**
 * What the HTML, Markdown and CSV renderers share: the template's items as columns, one coverage row
 * per plan, the headline targets as points, and the words people read for codes. Pure functions over
 * the report models; no I/O, browser-safe.
 */
import type { CoverageStatus, TargetVerdict } from '../../analyze/schema.js';
import type { Relation } from '../../align/schema.js';
import type { ComparisonReport } from '../../compare/schema.js';
import type { Comparator, Level } from '../../model/plan.js';
import { NATIONAL_2021 } from '../../template/national-2021.js';
import type { AnalysisReport, ReportPlan } from '../../analyze/analysis-report.js';

/** Code-point order: the same in every locale and runtime. */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// --------------------------------------------------------------------------------------------- words

export const LEVEL_ZH: Record<Level, string> = {
  national: '国家',
  province: '省级',
  city: '市级',
  county: '县级',
  district: '区级',
  unknown: '未知',
};

export const VERDICT_ZH: Record<TargetVerdict, string> = {
  exceeds: '高于全国',
  meets: '达到全国',
  'at-threshold': '持平（未承诺超过）',
  'falls-short': '低于全国',
  unknown: '无法比较',
};

/** What a plan's target was compared with: 全国 for the built-in national templates, else 对照方案 (a plan or custom template). */
export function againstZh(templateId: string | null | undefined): string {
  return templateId === 'national-2021' || templateId === 'earlier-2016' || templateId === undefined || templateId === null ? '全国' : '对照方案';
}

/** The verdict in words, against the template actually used. */
export function verdictZh(verdict: TargetVerdict, templateId: string | null | undefined): string {
  return VERDICT_ZH[verdict].replace('全国', againstZh(templateId));
}

export const RELATION_ZH: Record<Relation, string> = {
  equivalent: '等同',
  narrower: '较窄',
  broader: '较宽',
  overlapping: '交叉',
  none: '无对应',
};

export const STATUS_ZH: Record<CoverageStatus, string> = { full: '完全', partial: '部分', none: '缺失' };

/** The symbol each coverage status prints as, so the heatmap reads in grey too. */
export const STATUS_SYMBOL: Record<CoverageStatus | 'na', string> = { full: '●', partial: '◐', none: '○', na: '·' };

export const COMPARATOR_SYMBOL: Record<Comparator, string> = { '>': '>', '>=': '≥', '~': '≈', '=': '' };

/** The comparator as the plans write it. */
export const COMPARATOR_ZH: Record<Comparator, string> = { '>': '超过', '>=': '达到', '~': '左右', '=': '' };

/** A number without float noise: at most `digits` decimals, no trailing zeros, never `-0`. */
export function num(x: number, digits = 3): string {
  const f = 10 ** digits;
  const r = Math.round(x * f) / f;
  return String(Object.is(r, -0) ? 0 : r);
}

/** `+3.5`, `-2`, `0`, or `—` for null. */
export function signed(x: number | null | undefined, digits = 3): string {
  if (x === null || x === undefined) return '—';
  const s = num(x, digits);
  return x > 0 && s !== '0' ? `+${s}` : s;
}

/** A ratio as a percentage with one decimal at most: 0.765 → `76.5%`. */
export function pct(ratio: number): string {
  return `${num(ratio * 100, 1)}%`;
}

/** `≥15%`, `力争≥16%`, `≈10%`. */
export function targetText(t: { value: number; comparator: Comparator; aspirational: boolean; unit?: string }): string {
  return `${t.aspirational ? '力争' : ''}${COMPARATOR_SYMBOL[t.comparator]}${num(t.value)}${t.unit ?? '%'}`;
}

/** Whether a plan was read but not assessed for coverage: its outline gave no action or project. */
export function notAssessed(p: ReportPlan): boolean {
  return p.coverage === null && p.template !== null;
}

/** The first error of an unread plan, or null. */
export function planError(p: ReportPlan): string | null {
  // A plan that was read has a template (one whose outline gave nothing has no coverage, and was still read).
  if (p.sections.length > 0 || p.title !== null || p.template !== null) return null;
  const e = p.diagnostics.find((d) => d.severity === 'error');
  return e ? e.message : p.region === null ? 'not read' : null;
}

// ------------------------------------------------------------------------------------------- columns

export interface ItemColumn {
  id: string;
  title: string;
  /** 0 for the top-level item, 1… for its sub-items in template order. */
  index: number;
}

export interface ItemGroup {
  top: ItemColumn;
  subs: ItemColumn[];
}

export interface Columns {
  templateId: string | null;
  groups: ItemGroup[];
  /** 组织实施 items: listed in the key, not in the heatmap (few plans have sections for them). */
  org: ItemColumn[];
}

/** The template most plans were aligned with (ties: code-point order), or null when none was. */
export function mainTemplateId(report: AnalysisReport): string | null {
  if (report.template) return report.template.id;
  const counts = new Map<string, number>();
  for (const p of report.plans) if (p.coverage) counts.set(p.coverage.templateId, (counts.get(p.coverage.templateId) ?? 0) + 1);
  let best: string | null = null;
  for (const [id, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best)! && byCodePoint(id, best) < 0)) best = id;
  return best;
}

/**
 * The heatmap's columns: the comparison matrix's items when given, else the items of the template most
 * plans were aligned with, grouped under their top-level item.
 */
export function itemColumns(report: AnalysisReport, comparison?: ComparisonReport | null): Columns {
  const templateId = comparison?.matrix.templateId ?? mainTemplateId(report);
  const plan = report.plans.find((p) => p.coverage?.templateId === templateId);
  const coverageItems = plan?.coverage?.items ?? [];
  const flat: { id: string; title: string; parent: string | null }[] =
    comparison && comparison.matrix.items.length > 0
      ? comparison.matrix.items.map((i) => ({ id: i.id, title: i.title, parent: i.parent }))
      : coverageItems.filter((i) => i.level !== 'org').map((i) => ({ id: i.id, title: i.title, parent: i.level === 'section' ? null : parentId(i.id, coverageItems) }));
  const groups: ItemGroup[] = [];
  const byId = new Map<string, ItemGroup>();
  for (const it of flat) {
    if (it.parent === null) {
      const g: ItemGroup = { top: { id: it.id, title: it.title, index: 0 }, subs: [] };
      groups.push(g);
      byId.set(it.id, g);
    }
  }
  for (const it of flat) {
    if (it.parent === null) continue;
    const g = byId.get(it.parent);
    if (g) g.subs.push({ id: it.id, title: it.title, index: g.subs.length + 1 });
  }
  const orgItems = coverageItems.filter((i) => i.level === 'org');
  return { templateId, groups, org: orgItems.map((i, k) => ({ id: i.id, title: i.title, index: k })) };
}

/** A sub-item's parent: the nearest top-level item before it in template order. */
function parentId(id: string, items: readonly { id: string; level: string }[]): string | null {
  let parent: string | null = null;
  for (const i of items) {
    if (i.level === 'section') parent = i.id;
    if (i.id === id) return parent;
  }
  return null;
}

// ------------------------------------------------------------------------------------------ coverage

export interface CoverageRow {
  /** Index in `report.plans`: anchors link to `#plan-<index + 1>`. */
  index: number;
  source: string;
  region: string | null;
  province: string | null;
  level: Level;
  regionCode: string | null;
  /** Item id → status; null when not assessed (unread, or another template without the item). */
  cells: Record<string, CoverageStatus | null>;
  /** (full + 0.5·partial) / assessed over the columns; null when nothing was assessed. */
  score: number | null;
  extras: string[];
  /** Why the plan has no coverage (an unread file), else null. */
  error: string | null;
}

/**
 * One row per plan, ordered by region code (GB/T 2260 — so provinces, then their cities and counties,
 * stay together), plans without a code after, by source.
 */
export function coverageRows(report: AnalysisReport, columns: Columns, comparison?: ComparisonReport | null): CoverageRow[] {
  const ids = columns.groups.flatMap((g) => [g.top.id, ...g.subs.map((s) => s.id)]);
  const matrix = new Map((comparison?.matrix.rows ?? []).map((r) => [r.source, r]));
  const rows = report.plans.map((p, index): CoverageRow => {
    const m = matrix.get(p.source);
    const cells: Record<string, CoverageStatus | null> = {};
    if (m) {
      for (const id of ids) cells[id] = m.cells[id] ?? null;
    } else {
      const sameTemplate = p.coverage !== null && p.coverage.templateId === columns.templateId;
      const byId = new Map((sameTemplate ? p.coverage!.items : []).map((i) => [i.id, i.status]));
      for (const id of ids) cells[id] = byId.get(id) ?? null;
    }
    let full = 0;
    let partial = 0;
    let assessed = 0;
    for (const id of ids) {
      const s = cells[id];
      if (s === null || s === undefined) continue;
      assessed++;
      if (s === 'full') full++;
      else if (s === 'partial') partial++;
    }
    return {
      index,
      source: p.source,
      region: p.region,
      province: p.province,
      level: p.level,
      regionCode: p.regionCode,
      cells,
      score: m ? m.score : assessed > 0 ? (full + 0.5 * partial) / assessed : null,
      extras: m ? m.extras : p.extras.filter((e) => e.kind === 'section').map((e) => e.title),
      error: planError(p),
    };
  });
  return rows.sort(
    (a, b) =>
      (a.regionCode === null ? 1 : 0) - (b.regionCode === null ? 1 : 0) ||
      byCodePoint(a.regionCode ?? '', b.regionCode ?? '') ||
      byCodePoint(a.source, b.source) ||
      a.index - b.index,
  );
}

// ------------------------------------------------------------------------------------------- targets

export interface TargetPoint {
  index: number;
  source: string;
  region: string | null;
  level: Level;
  value: number;
  comparator: Comparator;
  year: number | null;
  aspirational: boolean;
  approximate: boolean;
  verdict: TargetVerdict;
  deltaVsNational: number | null;
  /** Rank by value, highest first, ties sharing a rank. */
  rank: number;
  deltaVsParent: number | null;
  parentRegion: string | null;
  z: number | null;
}

/**
 * The headline targets, highest first: the comparison's target table when given, else read from the
 * report (rank computed the same way: by value, ties sharing a rank; no parent deltas, no z-scores).
 */
export function targetPoints(report: AnalysisReport, comparison?: ComparisonReport | null): TargetPoint[] {
  const indexOf = new Map(report.plans.map((p, i) => [p.source, i]));
  if (comparison) {
    return comparison.targets.rows.map((r) => ({
      index: indexOf.get(r.source) ?? -1,
      source: r.source,
      region: r.region,
      level: r.level,
      value: r.value,
      comparator: r.comparator,
      year: r.year,
      aspirational: r.aspirational,
      approximate: r.approximate,
      verdict: r.verdict,
      deltaVsNational: r.deltaVsNational,
      rank: r.rank,
      deltaVsParent: r.deltaVsParent,
      parentRegion: r.parent?.region ?? null,
      z: r.z,
    }));
  }
  const pts = report.plans.flatMap((p, index) => {
    if (!p.target) return [];
    const d = p.targetDelta;
    return [
      {
        index,
        source: p.source,
        region: p.region,
        level: p.level,
        value: p.target.value,
        comparator: p.target.comparator,
        year: p.target.year,
        aspirational: p.target.aspirational,
        approximate: d?.approximate ?? p.target.comparator === '~',
        verdict: d?.verdict ?? ('unknown' as const),
        deltaVsNational: d?.delta ?? null,
        rank: 0,
        deltaVsParent: null,
        parentRegion: null,
        z: null,
      },
    ];
  });
  pts.sort((a, b) => b.value - a.value || byCodePoint(a.source, b.source) || a.index - b.index);
  pts.forEach((p, i) => {
    const prev = pts[i - 1];
    p.rank = prev !== undefined && prev.value === p.value ? prev.rank : i + 1;
  });
  return pts;
}

/** The national target the chart draws its line at: the year most targets name (2025 for the seeds). */
export function nationalLine(report: AnalysisReport, points: readonly TargetPoint[]): { value: number; comparator: Comparator; year: number } | null {
  const years = new Map<number, number>();
  for (const p of points) if (p.year !== null) years.set(p.year, (years.get(p.year) ?? 0) + 1);
  let year: number | null = null;
  for (const [y, n] of years) if (year === null || n > years.get(year)! || (n === years.get(year)! && y < year)) year = y;
  for (const p of report.plans) {
    const t = p.targetDelta?.templateTarget;
    if (t && (year === null || t.year === year)) return { value: t.value, comparator: t.comparator, year: t.year };
  }
  const t = NATIONAL_2021.targets.find((x) => x.year === (year ?? 2025)) ?? NATIONAL_2021.targets[0];
  return t ? { value: t.value, comparator: t.comparator, year: t.year } : null;
}

// ------------------------------------------------------------------------------------------- labels

/** The region when it is known and unique in the report, else the region with the file name, else the source. */
export function planLabels(report: AnalysisReport): (source: string) => string {
  const count = new Map<string, number>();
  for (const p of report.plans) if (p.region) count.set(p.region, (count.get(p.region) ?? 0) + 1);
  const region = new Map(report.plans.map((p) => [p.source, p.region]));
  return (source) => {
    const r = region.get(source);
    if (!r) return source;
    return count.get(r) === 1 ? r : `${r} (${baseName(source)})`;
  };
}

export function baseName(source: string): string {
  return source.replace(/^.*[\\/]/u, '');
}
