import type { Plan } from '../../model/plan.js';
import type { AnalysisReport, ReportPlan } from '../../analyze/analysis-report.js';

/**
 * The plan models of a batch read on demand, for a caller that does not hold them all (the CLI keeps
 * them serialised): `isRead(i)` says whether `report.plans[i]` has a model, `plan(i)` makes it.
 */
export interface PlanSource {
  isRead(index: number): boolean;
  plan(index: number): Plan | null;
}

/** One plan of the batch, with everything the comparison reads about it. */
export interface ComparedPlan {
  /** Position in the input (`report.plans[index]`); never used for ordering output. */
  index: number;
  source: string;
  report: ReportPlan;
  /** Whether the file gave a plan model (without making it). */
  read: boolean;
  /** The plan model, made on first use when the plans come from a {@link PlanSource}. */
  readonly plan: Plan | null;
  text: string | null;
}

/** Code-point order: the same in every locale and runtime. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A cheap, stable fingerprint of a plan's content, to order plans that share a source name. */
function fingerprint(e: ComparedPlan): string {
  const t = e.text ?? '';
  let h = 0x811c9dc5;
  for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193);
  return `${t.length}:${(h >>> 0).toString(16)}:${e.report.region ?? ''}:${e.report.sections.length}`;
}

/**
 * Pairs each report plan with its model and text and puts them in canonical order (by source, then by
 * content), so that every output is independent of the order the files were given in.
 */
export function collectPlans(
  report: AnalysisReport,
  plans: readonly (Plan | null)[] | PlanSource,
  texts: readonly (string | null)[] | undefined,
): ComparedPlan[] {
  if (plans === null || typeof plans !== 'object') throw new TypeError('comparePlans: plans must be an array of plan models (null where a file was not read) or a PlanSource');
  const n = report.plans.length;
  if (Array.isArray(plans) && plans.length !== n) throw new RangeError(`comparePlans: ${plans.length} plan models for the report's ${n} plans (one per report plan, in its order)`);
  if (texts !== undefined && (!Array.isArray(texts) || texts.length !== n)) {
    throw new RangeError(`comparePlans: texts must be an array of one text (or null) per report plan, in its order (${n})`);
  }
  // Models and texts go with the report's plans by position: those of another file are misuse.
  const check = (plan: Plan | null, i: number): void => {
    if (!plan) return;
    const rp = report.plans[i]!;
    // Not by source: a saved model keeps the source it was read from, the report names the model's file.
    if (plan.title !== rp.title || plan.sections.length !== rp.sections.length) {
      throw new RangeError(`comparePlans: the plan model at ${i} (${plan.source}) is not the one the report's plan there (${rp.source}) was made from`);
    }
    const text = texts?.[i];
    if (typeof text === 'string' && text.length !== plan.textLength) {
      throw new RangeError(`comparePlans: the text at ${i} (${text.length} characters) is not the one ${rp.source} was read from (${plan.textLength})`);
    }
  };
  if (Array.isArray(plans)) {
    // Checked here as well as on use: every model, not only those a comparison reads.
    plans.forEach((p, i) => check(p, i));
  }
  const source: PlanSource = isPlanSource(plans) ? plans : { isRead: (i) => plans[i] != null, plan: (i) => plans[i] ?? null };
  const out = report.plans.map((rp, index): ComparedPlan => {
    let plan: Plan | null | undefined;
    return {
      index,
      source: rp.source,
      report: rp,
      read: source.isRead(index),
      get plan() {
        if (plan === undefined) {
          const made = source.plan(index);
          check(made, index);
          plan = made;
        }
        return plan;
      },
      text: texts?.[index] ?? null,
    };
  });
  // The fingerprint reads a whole text: it is made only for plans whose source another plan shares
  // (the only comparisons that reach it), once each.
  const keys = new Map<ComparedPlan, string>();
  const keyOf = (e: ComparedPlan): string => {
    let k = keys.get(e);
    if (k === undefined) keys.set(e, (k = fingerprint(e)));
    return k;
  };
  return out.sort((a, b) => compareStrings(a.source, b.source) || compareStrings(keyOf(a), keyOf(b)) || a.index - b.index);
}

function isPlanSource(x: readonly (Plan | null)[] | PlanSource): x is PlanSource {
  return !Array.isArray(x);
}

/** Rounds to three decimals (percentage points, ratios), so JSON bytes do not depend on float noise. */
export function round3(x: number): number {
  const r = Math.round(x * 1000) / 1000;
  return Object.is(r, -0) ? 0 : r;
}

/** Competition ranks (1, 2, 2, 4) of values already sorted best first, by an equality test. */
export function competitionRanks<T>(sorted: readonly T[], same: (a: T, b: T) => boolean): number[] {
  const ranks: number[] = [];
  sorted.forEach((x, i) => {
    const prev = sorted[i - 1];
    ranks.push(i > 0 && prev !== undefined && same(prev, x) ? ranks[i - 1]! : i + 1);
  });
  return ranks;
}
