import { mean, median, quantileSorted, sampleStandardDeviation } from 'simple-statistics';
import { compareTarget } from '../analyze/compare-target.js';
import type { TargetComparison } from '../analyze/schema.js';
import type { Target } from '../model/plan.js';
import { EARLIER_2016 } from '../template/earlier-2016.js';
import { NATIONAL_2021 } from '../template/national-2021.js';
import { chooseTemplate } from '../template/choose-template.js';
import type { Template } from '../template/schema.js';
import { compareStrings, competitionRanks, round3, type ComparedPlan } from './internal/entries.js';
import type { PlanParents, TargetComparisonTable, TargetFlag, TargetRow, TargetStats } from './schema.js';

export type { ComparedPlan } from './internal/entries.js';

const NATIONAL: readonly Template[] = [NATIONAL_2021, EARLIER_2016];

/**
 * The target table of a batch: one row per plan with a headline target (公民具备科学素质的比例), sorted
 * by value, highest first, then by source, with
 * - `deltaVsNational` and `verdict` against the national outline's target for the same year (the rules of
 *   `compareTarget`, against the national template the plan was aligned with, or the one its basis and
 *   period point to when it was aligned with a province's plan);
 * - `deltaVsParent` against the nearest parent in the batch with a target for the same year (from `parents`);
 * - peer statistics over the targets that share the most common year (ties: the later year): mean,
 *   median, sample standard deviation, quartiles and each plan's z-score, by simple-statistics; fewer
 *   than two such targets give `{ status: 'not-enough-data', reason }` (`no-plans`, `no-targets`,
 *   `no-comparable-targets`, `one-target`) instead of throwing;
 * - flags for target years and periods that differ from the batch's usual ones.
 *
 * @param plans - The batch in canonical order (see `comparePlans`).
 * @param parents - The parent chains of the same plans, for `deltaVsParent`; `[]` to skip.
 * @example
 * const t = compareTargets(plans, parents);
 * t.rows.map((r) => `${r.region} ${r.deltaVsNational} ${r.verdict}`);
 * // ['上虞区 3.5 exceeds', '中山市 1 exceeds', '兰州市 0 at-threshold', '砀山县 -2 falls-short', '拉萨市 -5 falls-short']
 * compareTargets([], []).stats; // { status: 'not-enough-data', reason: 'no-plans', n: 0, message: … }
 */
export function compareTargets(plans: readonly ComparedPlan[], parents: readonly PlanParents[]): TargetComparisonTable {
  const bySource = new Map(plans.map((p) => [p.source, p]));
  const chains = new Map(parents.map((x) => [x.source, x.chain]));
  const withoutTarget: TargetComparisonTable['withoutTarget'] = [];
  const draft: Omit<TargetRow, 'rank' | 'z' | 'inStats'>[] = [];
  for (const p of plans) {
    const target = p.report.target;
    if (target === null || target.unit !== '%') {
      withoutTarget.push({ source: p.source, region: p.report.region, reason: !p.read && p.report.sections.length === 0 ? 'unread' : 'no-target' });
      continue;
    }
    const national = nationalComparison(p, target);
    const parent = parentTarget(target, chains.get(p.source) ?? [], bySource);
    draft.push({
      source: p.source,
      region: p.report.region,
      level: p.report.level,
      value: target.value,
      year: target.year,
      comparator: target.comparator,
      aspirational: target.aspirational,
      approximate: target.comparator === '~',
      nationalTemplate: national.template,
      deltaVsNational: national.comparison.delta,
      deltaBound: national.comparison.deltaBound,
      verdict: national.comparison.verdict,
      deltaVsParent: parent ? round3(target.value - parent.value) : null,
      parent,
    });
  }
  draft.sort((a, b) => b.value - a.value || compareStrings(a.source, b.source));
  const statsYear = commonYear(draft.map((r) => r.year));
  const inStats = (r: { year: number | null }) => r.year !== null && r.year === statsYear;
  const stats = computeStats(draft.filter(inStats), plans.length, draft.length);
  const zOf = new Map(stats.status === 'ok' ? stats.zScores.map((z) => [z.source, z.z]) : []);
  const ranks = competitionRanks(draft, (a, b) => a.value === b.value);
  const rows: TargetRow[] = draft.map((r, i) => ({ ...r, rank: ranks[i]!, z: zOf.get(r.source) ?? null, inStats: inStats(r) }));
  withoutTarget.sort((a, b) => compareStrings(a.source, b.source));
  return { rows, withoutTarget, stats, flags: targetFlags(plans, rows, statsYear) };
}

/**
 * The plan's headline target against the national template it was aligned with, or, when it was aligned
 * with another template (a province's), the national one its basis and period point to.
 */
function nationalComparison(p: ComparedPlan, target: Target): { template: string; comparison: TargetComparison } {
  const own = NATIONAL.find((t) => t.id === p.report.template?.id);
  const template = own ?? (p.plan ? chooseTemplate(p.plan).template : NATIONAL_2021);
  return { template: template.id, comparison: compareTarget(target, template) };
}

/** The nearest parent in the batch whose headline target is for the same year. */
function parentTarget(target: Target, chain: PlanParents['chain'], bySource: ReadonlyMap<string, ComparedPlan>): TargetRow['parent'] {
  for (const link of chain) {
    for (const src of link.inBatch) {
      const t = bySource.get(src)?.report.target;
      if (t && t.unit === '%' && t.year === target.year && link.region !== null) {
        return { region: link.region, source: src, value: t.value, comparator: t.comparator, year: t.year };
      }
    }
  }
  return null;
}

/** The most common non-null year; ties go to the later year. */
function commonYear(years: readonly (number | null)[]): number | null {
  const counts = new Map<number, number>();
  for (const y of years) if (y !== null) counts.set(y, (counts.get(y) ?? 0) + 1);
  let best: number | null = null;
  for (const [y, c] of counts) {
    const bc = best === null ? -1 : counts.get(best)!;
    if (c > bc || (c === bc && best !== null && y > best)) best = y;
  }
  return best;
}

function notEnough(reason: Extract<TargetStats, { status: 'not-enough-data' }>['reason'], n: number): TargetStats {
  const message = {
    'no-plans': 'not enough data: no plans to compare',
    'no-targets': 'not enough data: no plan states a headline target',
    'no-comparable-targets': 'not enough data: no two targets are for the same year',
    'one-target': 'not enough data: only one plan has a comparable headline target',
  }[reason];
  return { status: 'not-enough-data', reason, n, message };
}

function computeStats(rows: readonly { source: string; value: number; year: number | null }[], plans: number, targets: number): TargetStats {
  if (plans === 0) return notEnough('no-plans', 0);
  if (targets === 0) return notEnough('no-targets', 0);
  if (rows.length === 0) return notEnough('no-comparable-targets', 0);
  if (rows.length === 1) return notEnough('one-target', 1);
  const values = rows.map((r) => r.value);
  const sorted = [...values].sort((a, b) => a - b);
  const m = mean(values);
  const sd = sampleStandardDeviation(values);
  const p25 = quantileSorted(sorted, 0.25);
  const p75 = quantileSorted(sorted, 0.75);
  return {
    status: 'ok',
    n: rows.length,
    year: rows[0]!.year,
    mean: round3(m),
    median: round3(median(values)),
    standardDeviation: round3(sd),
    min: sorted[0]!,
    max: sorted.at(-1)!,
    quantiles: { p25: round3(p25), p75: round3(p75), iqr: round3(p75 - p25) },
    zScores: rows.map((r) => ({ source: r.source, z: sd > 0 ? round3((r.value - m) / sd) : null })),
  };
}

function targetFlags(plans: readonly ComparedPlan[], rows: readonly TargetRow[], statsYear: number | null): TargetFlag[] {
  const flags: TargetFlag[] = [];
  const push = (code: TargetFlag['code'], severity: TargetFlag['severity'], sources: string[], message: string) => {
    if (sources.length > 0) flags.push({ code, severity, sources: [...sources].sort(compareStrings), message });
  };
  const differs = rows.filter((r) => r.year !== null && r.year !== statsYear);
  push('target-year-differs', 'warning', differs.map((r) => r.source), `targets for another year than ${statsYear ?? '—'} (${[...new Set(differs.map((r) => r.year))].sort().join(', ')}), left out of the statistics`);
  push('target-year-missing', 'warning', rows.filter((r) => r.year === null).map((r) => r.source), 'targets with no year, left out of the statistics');
  const read = plans.filter((p) => p.read || p.report.sections.length > 0);
  const periodOf = new Map(plans.map((p) => [p.source, p.report.period]));
  const outside = rows.filter((r) => {
    const period = periodOf.get(r.source);
    return period && r.year !== null && (r.year < period.start || r.year > period.end);
  });
  push('target-outside-period', 'warning', outside.map((r) => r.source), "targets for a year outside the plan's own period");
  const periods = read.map((p) => ({ source: p.source, period: p.report.period }));
  const starts = commonYear(periods.map((x) => x.period?.start ?? null));
  const ends = commonYear(periods.map((x) => x.period?.end ?? null));
  const startDiff = periods.filter((x) => x.period && x.period.start !== starts);
  push('period-start-differs', 'info', startDiff.map((x) => x.source), `periods starting in another year than ${starts ?? '—'} (${[...new Set(startDiff.map((x) => x.period!.start))].sort().join(', ')})`);
  const endDiff = periods.filter((x) => x.period && x.period.end !== ends);
  push('period-end-differs', 'warning', endDiff.map((x) => x.source), `periods ending in another year than ${ends ?? '—'} (${[...new Set(endDiff.map((x) => x.period!.end))].sort().join(', ')})`);
  push('period-missing', 'info', periods.filter((x) => x.period === null).map((x) => x.source), 'no period found');
  return flags;
}
