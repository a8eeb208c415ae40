import type { Plan } from '../model/plan.js';
import type { AnalysisReport } from '../analyze/analysis-report.js';
import { EARLIER_2016 } from '../template/earlier-2016.js';
import { NATIONAL_2021 } from '../template/national-2021.js';
import type { Template } from '../template/schema.js';
import { buildCoverageMatrix } from './build-coverage-matrix.js';
import { compareAgencies } from './compare-agencies.js';
import { compareIndicators } from './compare-indicators.js';
import { compareTargets } from './compare-targets.js';
import { collectPlans, compareStrings, type ComparedPlan, type PlanSource } from './internal/entries.js';
import { findOutliers } from './internal/find-outliers.js';
import { finishReuse, prepareReuse, type MeasureReuseOptions, type PreparedReuse, type ReuseGiven, type SectionRef } from './measure-reuse.js';
import { scoreUnits } from './internal/reuse-kernel.js';
import { COMPARISON_SCHEMA_VERSION, type CompareDiagnostic, type ComparisonReport, type CoverageMatrix, type ParentComparison } from './schema.js';
import { parentPairs, traceParents, type ParentPair } from './trace-parents.js';
import { z } from 'zod';
import { checkOptions, FunctionSchema } from '../model/check-options.js';
import { TemplateArgSchema } from '../template/check-template.js';

export type { SectionRef } from './measure-reuse.js';
export type { PlanSource } from './internal/entries.js';
export type { ParentPair } from './trace-parents.js';

/** Options of {@link comparePlans}. */
export interface ComparePlansOptions {
  /** The texts as read, `texts[i]` for `report.plans[i]` (null when unknown): spans then point into them. */
  texts?: readonly (string | null)[];
  /**
   * A side-by-side diff of two sections, each named by source and section (index, template id or
   * title); `b` omitted: the section of another plan sharing most with `a`. See `reuse.diff`.
   */
  diff?: { a: SectionRef; b?: SectionRef };
  /** Templates the report's plans may have been aligned with besides the built-in ones. */
  templates?: readonly Template[];
  /** More wording of a template (the outline's full text), by template id, for measuring reuse. */
  templateTexts?: Readonly<Record<string, string>>;
  /**
   * Compare each plan with its parents' plans found in the batch, the parent as template (default
   * true). Each such pair costs one more alignment; a batch of thousands may turn it off.
   */
  parentComparisons?: boolean;
  /**
   * Comparisons with parents made elsewhere (a batch makes them on worker threads, see
   * {@link parentComparisonPairs} and `compareWithParent`): the comparison of `report.plans[child]`
   * with `report.plans[parent]`, or undefined to make it here.
   */
  parentComparison?: (child: number, parent: number) => ParentComparison | undefined;
}

const SectionRefSchema = z.strictObject({ source: z.string(), section: z.union([z.number().int().nonnegative(), z.string()]) });

/** {@link ComparePlansOptions} as a schema (what `comparePlans` checks its options against). */
export const ComparePlansOptionsSchema = z.strictObject({
  texts: z.array(z.string().nullable()).optional(),
  diff: z.strictObject({ a: SectionRefSchema, b: SectionRefSchema.optional() }).optional(),
  templates: z.array(TemplateArgSchema).optional(),
  templateTexts: z.record(z.string(), z.string()).optional(),
  parentComparisons: z.boolean().optional(),
  parentComparison: FunctionSchema.optional(),
});

/**
 * Compares the plans of an analysis report with each other: the target table with peer statistics,
 * the coverage matrix, indicators made comparable, lead units per template item, parent chains (and
 * each plan against a parent whose plan is in the batch), and how much of each section is restated.
 *
 * `plans[i]` and `options.texts[i]` belong to `report.plans[i]` (null for a file that could not be
 * read: it keeps a row where a row makes sense, with nulls). Deterministic and independent of the
 * order of the inputs: plans are put in a canonical order (by source) first, so the same files give
 * the same bytes whatever order they were given in. Never throws on content: no plans, one plan or
 * plans without targets give statistics that say `not-enough-data` with a reason code.
 *
 * @example
 * const results = files.map((f) => loadPlanFromText(readFileSync(f, 'utf8'), f));
 * const report = buildAnalysisReport(results);
 * const c = comparePlans(report, results.map((r) => r.plan), { texts: results.map((r) => r.text) });
 * c.targets.rows.map((r) => r.region);   // ['上虞区', '中山市', '兰州市', '砀山县', '拉萨市']
 * c.matrix.rows.find((r) => r.region === '兰州市')?.cells['exchange']; // 'none'
 *
 * `plans` may also be a {@link PlanSource} that makes each model on demand: with texts given, only
 * the comparisons with parents read the models, and those can be passed in (`parentComparison`).
 */
export function comparePlans(report: AnalysisReport, plans: readonly (Plan | null)[] | PlanSource, options: ComparePlansOptions = {}): ComparisonReport {
  checkOptions('comparePlans', ComparePlansOptionsSchema, options);
  const prepared = prepareComparison(report, plans, options);
  return completeComparison(prepared, { reuseScores: scoreUnits(prepared.reuse.tables, 0, prepared.reuse.units.length) });
}

/**
 * {@link comparePlans} in two steps, for a caller that does its heaviest parts elsewhere (the CLI, on
 * worker threads): `prepareComparison` puts the batch in canonical order, lists the comparisons with
 * parents to make (`parentPairs`) and lays out the sections for measuring reuse (`reuse.tables`, to
 * score with `scoreUnits` over ranges of units); `completeComparison` takes what was made and builds
 * the report, the same bytes as `comparePlans`.
 */
export interface PreparedComparison {
  report: AnalysisReport;
  entries: ComparedPlan[];
  options: ComparePlansOptions;
  diagnostics: CompareDiagnostic[];
  parentPairs: ParentPair[];
  reuse: PreparedReuse;
  /** The parts that need neither parents nor reuse, made here (a batch makes them while its threads work). */
  matrix: CoverageMatrix;
  indicators: ComparisonReport['indicators'];
  agencies: ComparisonReport['agencies'];
}

/**
 * Plans given more than once — the same source twice, or two sources with the same text — each count
 * in the statistics and restate each other wholly: said once per extra copy (the comparison keeps them,
 * as given).
 */
function duplicates(entries: readonly ComparedPlan[], diagnostics: CompareDiagnostic[]): void {
  // Texts of one length, compared whole only with each other (two plans' texts rarely share a length).
  const byLength = new Map<number, ComparedPlan[]>();
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (i > 0 && entries[i - 1]!.source === e.source) {
      diagnostics.push({ code: 'compare/duplicate-plan', severity: 'warning', message: `${e.source} is in the batch more than once; each copy counts in the statistics`, source: e.source });
      continue;
    }
    if (e.text === null || e.text.length === 0) continue;
    const same = byLength.get(e.text.length);
    const first = same?.find((x) => x.text === e.text);
    if (first) {
      diagnostics.push({ code: 'compare/duplicate-plan', severity: 'warning', message: `${e.source} has the same text as ${first.source}; both count in the statistics`, source: e.source });
    } else if (same) same.push(e);
    else byLength.set(e.text.length, [e]);
  }
}

/** The first step of {@link comparePlans} (see {@link PreparedComparison}). */
export function prepareComparison(report: AnalysisReport, plans: readonly (Plan | null)[] | PlanSource, options: ComparePlansOptions = {}, given: ReuseGiven = {}): PreparedComparison {
  const entries = collectPlans(report, plans, options.texts);
  const diagnostics: CompareDiagnostic[] = [];
  for (const e of entries) {
    if (!e.read && e.report.sections.length === 0) {
      diagnostics.push({ code: 'compare/unread-plan', severity: 'warning', message: `${e.source} could not be read; it is compared with nulls`, source: e.source });
    } else if (e.report.target === null) {
      diagnostics.push({ code: 'compare/no-target', severity: 'info', message: `${e.source} states no headline target`, source: e.source });
    }
  }
  duplicates(entries, diagnostics);
  const templateIds = [...new Set(entries.map((e) => e.report.template?.id).filter((x): x is string => x !== undefined))].sort(compareStrings);
  if (templateIds.length > 1) {
    diagnostics.push({ code: 'compare/templates-differ', severity: 'info', message: `plans were aligned with different templates (${templateIds.join(', ')}); the matrix uses the most common` });
  }
  const templates = new Map<string, Template>([NATIONAL_2021, EARLIER_2016, ...(options.templates ?? [])].map((t) => [t.id, t]));
  const reuse = prepareReuse(entries, templates, reuseOptions(options), diagnostics, given);
  const matrix = buildCoverageMatrix(entries);
  return {
    report,
    entries,
    options,
    diagnostics,
    parentPairs: options.parentComparisons === false ? [] : parentPairs(entries),
    reuse,
    matrix,
    indicators: compareIndicators(entries),
    agencies: compareAgencies(entries, matrix),
  };
}

/** The last step of {@link comparePlans}: the scores of every unit of `prepared.reuse` in order, and the comparisons with parents made elsewhere. */
export function completeComparison(
  prepared: PreparedComparison,
  made: { reuseScores: Int32Array | readonly Int32Array[]; parentComparison?: ((child: number, parent: number) => ParentComparison | undefined) | undefined },
): ComparisonReport {
  const { report, entries, options, diagnostics, matrix } = prepared;
  const given = made.parentComparison ?? options.parentComparison;
  const parents = traceParents(entries, { compare: options.parentComparisons !== false, comparison: given });
  const targets = compareTargets(entries, parents);
  const reuse = finishReuse(prepared.reuse, entries, reuseOptions(options), diagnostics, made.reuseScores);
  const body = { targets, matrix, reuse };
  return {
    schemaVersion: COMPARISON_SCHEMA_VERSION,
    template: report.template ? { id: report.template.id, title: report.template.title, period: { ...report.template.period } } : null,
    plans: entries.length,
    targets,
    matrix,
    indicators: prepared.indicators,
    agencies: prepared.agencies,
    parents,
    reuse,
    outliers: findOutliers(body),
    diagnostics: diagnostics.sort((a, b) => compareStrings(a.code, b.code) || compareStrings(a.source ?? '', b.source ?? '')),
  };
}

function reuseOptions(options: ComparePlansOptions): MeasureReuseOptions {
  return {
    ...(options.templateTexts ? { templateTexts: options.templateTexts } : {}),
    ...(options.diff ? { diff: options.diff } : {}),
  };
}

/**
 * The comparisons with parent plans that {@link comparePlans} makes for this batch, as pairs of
 * indexes into `report.plans`, grouped by parent, without making them: so that a caller can make them
 * in parallel (each with `compareWithParent(plans[child], { source, region, template: templateFromPlan(plans[parent]) })`)
 * and pass them in as `parentComparison`.
 *
 * @example
 * const pairs = parentComparisonPairs(report, plans);
 */
export function parentComparisonPairs(report: AnalysisReport, plans: readonly (Plan | null)[] | PlanSource): ParentPair[] {
  return parentPairs(collectPlans(report, plans, undefined));
}
