import { z } from 'zod';
import { CoverageStatusSchema, DeltaBoundSchema, TargetVerdictSchema } from '../analyze/schema.js';
import { DiagnosticSchema } from '../model/diagnostic.js';
import { AgencyRoleSchema, ComparatorSchema, LevelSchema } from '../model/plan.js';

/** Bumped when a field other tools read changes meaning or disappears. */
export const COMPARISON_SCHEMA_VERSION = 1;

/**
 * Codes of the comparison's own diagnostics. Stable: tools and tests match on them.
 * - `compare/unread-plan`: a file could not be read; it keeps a row where a row makes sense, with nulls.
 * - `compare/no-target`: a plan states no headline target; it is left out of the target table.
 * - `compare/templates-differ`: plans were aligned with different templates; the matrix uses the most common.
 * - `compare/unknown-template`: a plan's template is neither built in nor given; its reuse against the template is not measured.
 * - `compare/diff-not-found`: the section asked for with `diff` is not in the batch.
 * - `compare/duplicate-plan`: a plan is in the batch twice (the same source, or another source with the
 *   same text); each copy counts in the statistics and restates the other wholly.
 */
export const CompareDiagnosticCodeSchema = z.enum([
  'compare/unread-plan',
  'compare/no-target',
  'compare/templates-differ',
  'compare/unknown-template',
  'compare/diff-not-found',
  'compare/duplicate-plan',
]);
export type CompareDiagnosticCode = z.infer<typeof CompareDiagnosticCodeSchema>;

/** A plan diagnostic's severity, message and source, with a comparison code (no span: it is about the batch). */
export const CompareDiagnosticSchema = DiagnosticSchema.pick({ severity: true, message: true, source: true }).extend({
  code: CompareDiagnosticCodeSchema,
});
export type CompareDiagnostic = z.infer<typeof CompareDiagnosticSchema>;

// ------------------------------------------------------------------------------------------ targets

/** The parent whose target a plan's is measured against (the nearest ancestor in the batch with one). */
export const ParentTargetSchema = z.object({
  region: z.string(),
  source: z.string(),
  value: z.number(),
  comparator: ComparatorSchema,
  year: z.number().int().nullable(),
});
export type ParentTarget = z.infer<typeof ParentTargetSchema>;

/** One plan with a headline target (公民具备科学素质的比例). */
export const TargetRowSchema = z.object({
  source: z.string(),
  region: z.string().nullable(),
  level: LevelSchema,
  /** Percent. */
  value: z.number(),
  year: z.number().int().nullable(),
  comparator: ComparatorSchema,
  /** 力争/争取: a goal rather than a commitment. */
  aspirational: z.boolean(),
  /** 左右/约. */
  approximate: z.boolean(),
  /** Rank by value, highest first; ties share a rank (1, 2, 2, 4). */
  rank: z.number().int().positive(),
  /** The national template the delta was taken against (`national-2021`, `earlier-2016`). */
  nationalTemplate: z.string().nullable(),
  /** Value minus the national target for the same year, in percentage points; null when not comparable. */
  deltaVsNational: z.number().nullable(),
  deltaBound: DeltaBoundSchema.nullable(),
  verdict: TargetVerdictSchema,
  /** Value minus the parent's value (same year), percentage points; null when no parent target is known. */
  deltaVsParent: z.number().nullable(),
  parent: ParentTargetSchema.nullable(),
  /** Standard score among the peers in `stats`; null when the plan is not in the statistics or they have no spread. */
  z: z.number().nullable(),
  /** Whether the row counts in `stats` (its year is the statistics' year). */
  inStats: z.boolean(),
});
export type TargetRow = z.infer<typeof TargetRowSchema>;

/** Why statistics could not be computed. Stable codes. */
export const NotEnoughDataReasonSchema = z.enum(['no-plans', 'no-targets', 'no-comparable-targets', 'one-target']);
export type NotEnoughDataReason = z.infer<typeof NotEnoughDataReasonSchema>;

export const NotEnoughDataSchema = z.object({
  status: z.literal('not-enough-data'),
  reason: NotEnoughDataReasonSchema,
  /** Targets that would have counted. */
  n: z.number().int().nonnegative(),
  message: z.string(),
});
export type NotEnoughData = z.infer<typeof NotEnoughDataSchema>;

/**
 * Peer statistics of the headline targets that share the most common target year (computed with
 * simple-statistics): the sample standard deviation (n − 1), quantiles by simple-statistics'
 * `quantileSorted`, z = (value − mean) / sd.
 */
export const TargetStatsSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('ok'),
    n: z.number().int().min(2),
    year: z.number().int().nullable(),
    mean: z.number(),
    median: z.number(),
    standardDeviation: z.number().nonnegative(),
    min: z.number(),
    max: z.number(),
    quantiles: z.object({ p25: z.number(), p75: z.number(), iqr: z.number() }),
    zScores: z.array(z.object({ source: z.string(), z: z.number().nullable() })),
  }),
  NotEnoughDataSchema,
]);
export type TargetStats = z.infer<typeof TargetStatsSchema>;

/**
 * Something that makes targets or periods less comparable:
 * - `target-year-differs`: the target is for another year than most (left out of the statistics);
 * - `target-year-missing`: the target names no year (left out of the statistics);
 * - `target-outside-period`: the target's year is not in the plan's own period;
 * - `period-start-differs` / `period-end-differs`: the plan's period starts or ends in another year than most;
 * - `period-missing`: no period was found.
 */
export const TargetFlagSchema = z.object({
  code: z.enum([
    'target-year-differs',
    'target-year-missing',
    'target-outside-period',
    'period-start-differs',
    'period-end-differs',
    'period-missing',
  ]),
  severity: z.enum(['warning', 'info']),
  sources: z.array(z.string()),
  message: z.string(),
});
export type TargetFlag = z.infer<typeof TargetFlagSchema>;

export const TargetComparisonTableSchema = z.object({
  /** Sorted by value, highest first, then by source. */
  rows: z.array(TargetRowSchema),
  /** Plans without a headline target, by source. */
  withoutTarget: z.array(z.object({ source: z.string(), region: z.string().nullable(), reason: z.enum(['unread', 'no-target']) })),
  stats: TargetStatsSchema,
  flags: z.array(TargetFlagSchema),
});
export type TargetComparisonTable = z.infer<typeof TargetComparisonTableSchema>;

// ------------------------------------------------------------------------------------------- matrix

export const MatrixItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  level: z.enum(['section', 'sub-item']),
  parent: z.string().nullable(),
  /**
   * Plans assessed on the item and how they cover it; `rate = (full + 0.5·partial) / assessed`
   * (the coverage ratio of `analyze`), null when no plan was assessed.
   */
  adoption: z.object({
    full: z.number().int().nonnegative(),
    partial: z.number().int().nonnegative(),
    none: z.number().int().nonnegative(),
    assessed: z.number().int().nonnegative(),
    rate: z.number().min(0).max(1).nullable(),
  }),
});
export type MatrixItem = z.infer<typeof MatrixItemSchema>;

export const MatrixRowSchema = z.object({
  source: z.string(),
  region: z.string().nullable(),
  /** Item id → status; null when the plan was not read or its template has no such item. */
  cells: z.record(z.string(), CoverageStatusSchema.nullable()),
  /** `(full + 0.5·partial) / assessed` over the matrix items; null for an unread plan. */
  score: z.number().min(0).max(1).nullable(),
  /** Rank by score, best first, ties sharing a rank; null for an unread plan. */
  rank: z.number().int().positive().nullable(),
  /** Titles of the plan's sections with no template counterpart (local extras). */
  extras: z.array(z.string()),
});
export type MatrixRow = z.infer<typeof MatrixRowSchema>;

export const CoverageMatrixSchema = z.object({
  /** The template whose items are the columns (the one most plans were aligned with). */
  templateId: z.string().nullable(),
  items: z.array(MatrixItemSchema),
  /** By source. */
  rows: z.array(MatrixRowSchema),
});
export type CoverageMatrix = z.infer<typeof CoverageMatrixSchema>;

// --------------------------------------------------------------------------------------- indicators

export const IndicatorValueSchema = z.object({
  source: z.string(),
  region: z.string().nullable(),
  value: z.number(),
  comparator: ComparatorSchema,
  year: z.number().int().nullable(),
  perYear: z.boolean(),
  /** 国家级 / 省级 / 市级 / 县级 when the name says (市级科普基地), else null. */
  scope: z.string().nullable(),
  /** The name as the plan writes it. */
  name: z.string(),
});
export type IndicatorValue = z.infer<typeof IndicatorValueSchema>;

export const IndicatorRowSchema = z.object({
  /** The normalised name (科技小院, 科技志愿者, 科普基地 …). */
  key: z.string(),
  /** The unit after normalisation: 万人 → 人 (value scaled), 名/位 → 人; 人次 stays apart from 人. */
  unit: z.string(),
  /** How many plans state it. */
  plans: z.number().int().positive(),
  /** Highest value first, then by source. */
  values: z.array(IndicatorValueSchema),
});
export type IndicatorRow = z.infer<typeof IndicatorRowSchema>;

// ----------------------------------------------------------------------------------------- agencies

export const AgencyLeadSchema = z.object({
  source: z.string(),
  region: z.string().nullable(),
  /** The role the units were named with: 牵头 when the plan names leads, else 责任 or 配合. */
  role: AgencyRoleSchema,
  /** Normalised units (教育部门, 科协 …), in order of first mention. */
  units: z.array(z.string()),
  /** The units as written, in order of first mention, duplicates dropped. */
  raw: z.array(z.string()),
});
export type AgencyLead = z.infer<typeof AgencyLeadSchema>;

export const AgencyItemSchema = z.object({
  templateId: z.string(),
  title: z.string(),
  /** By source. */
  leads: z.array(AgencyLeadSchema),
  /** How many plans name each normalised unit for the item, most first. */
  units: z.array(z.object({ unit: z.string(), plans: z.number().int().positive() })),
});
export type AgencyItem = z.infer<typeof AgencyItemSchema>;

export const AgencyComparisonSchema = z.object({
  /** Template items some plan names units for, in matrix order. */
  items: z.array(AgencyItemSchema),
  /** Local extras (sections without a template counterpart) and their units. */
  extras: z.array(AgencyLeadSchema.extend({ title: z.string() })),
});
export type AgencyComparison = z.infer<typeof AgencyComparisonSchema>;

// ------------------------------------------------------------------------------------------ parents

export const ParentLinkSchema = z.object({
  /** 宿州市, 安徽省, or 全国 for the national outline. */
  region: z.string().nullable(),
  level: LevelSchema,
  /** The cited document that implements this level's plan, when the plan cites one. */
  document: z.object({ docNumber: z.string().nullable(), title: z.string().nullable() }).nullable(),
  /** The plan cites this level's document (else the level is only known from the gazetteer). */
  cited: z.boolean(),
  /** Sources in the batch that are this parent's own plan, by source. */
  inBatch: z.array(z.string()),
});
export type ParentLink = z.infer<typeof ParentLinkSchema>;

/** The plan compared with a parent's plan in the batch, the parent serving as the template. */
export const ParentComparisonSchema = z.object({
  parentSource: z.string(),
  parentRegion: z.string().nullable(),
  /**
   * Coverage ratios of the parent's actions/projects and their measures, as `analyze` counts them; null when
   * the plan's outline gave no action or project (not assessed, and `missing` empty).
   */
  sections: z.number().min(0).max(1).nullable(),
  subItems: z.number().min(0).max(1).nullable(),
  /** Parent items (top-level) the plan has no counterpart for. */
  missing: z.array(z.string()),
  verdict: TargetVerdictSchema.nullable(),
  delta: z.number().nullable(),
});
export type ParentComparison = z.infer<typeof ParentComparisonSchema>;

export const PlanParentsSchema = z.object({
  source: z.string(),
  region: z.string().nullable(),
  level: LevelSchema,
  /** Nearest first, ending with the national outline. Empty for an unread plan. */
  chain: z.array(ParentLinkSchema),
  /** Cited plan documents whose level could not be placed. */
  unplaced: z.array(z.object({ docNumber: z.string().nullable(), title: z.string().nullable() })),
  comparisons: z.array(ParentComparisonSchema),
});
export type PlanParents = z.infer<typeof PlanParentsSchema>;

// -------------------------------------------------------------------------------------------- reuse

export const ReuseSpanSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  from: z.enum(['template', 'peer']),
  /** The peer plan and section the span is also found in (null for the template). */
  source: z.string().nullable(),
  section: z.number().int().nonnegative().nullable(),
});
export type ReuseSpan = z.infer<typeof ReuseSpanSchema>;

/** `restated`: reuse ≥ 0.5; `local`: reuse < 0.2; `mixed` between. */
export const ReuseClassSchema = z.enum(['restated', 'mixed', 'local']);
export type ReuseClass = z.infer<typeof ReuseClassSchema>;

export const SectionReuseSchema = z.object({
  source: z.string(),
  region: z.string().nullable(),
  /** Index of the section in the plan. */
  section: z.number().int().nonnegative(),
  title: z.string(),
  templateId: z.string().nullable(),
  /** Letters and digits in the section (punctuation and spaces are not counted). */
  length: z.number().int().nonnegative(),
  /** Share of the section's characters inside passages found in the template's wording. */
  template: z.number().min(0).max(1),
  /** Share inside passages also found in another plan of the batch. */
  peers: z.number().min(0).max(1),
  /** Share inside either: restated text. */
  reuse: z.number().min(0).max(1),
  /** 1 − reuse: the plan's own wording. */
  local: z.number().min(0).max(1),
  class: ReuseClassSchema,
  /** The peer section sharing most with this one. */
  bestPeer: z
    .object({ source: z.string(), section: z.number().int().nonnegative(), title: z.string(), share: z.number().min(0).max(1) })
    .nullable(),
  /** Offsets into the text as read (`spansIn: 'text'`) or into the section rebuilt from the model (`'model'`). */
  spansIn: z.enum(['text', 'model']),
  spans: z.array(ReuseSpanSchema),
  /** More spans were found than are listed (the longest are kept). */
  spansTruncated: z.boolean(),
});
export type SectionReuse = z.infer<typeof SectionReuseSchema>;

export const SectionDiffSchema = z.object({
  a: z.object({ source: z.string(), section: z.number().int().nonnegative(), title: z.string() }),
  b: z.object({ source: z.string(), section: z.number().int().nonnegative(), title: z.string() }),
  /** Characters equal on both sides over the longer side. */
  similarity: z.number().min(0).max(1),
  /** fast-diff's operations (semantic clean-up) from a's text to b's, both NFKC-folded, site chrome dropped. */
  ops: z.array(z.object({ op: z.enum(['equal', 'delete', 'insert']), text: z.string() })),
});
export type SectionDiff = z.infer<typeof SectionDiffSchema>;

export const ReuseReportSchema = z.object({
  /** How reuse was measured (see `measureReuse`). */
  method: z.object({
    shingle: z.number().int().positive(),
    minRunTemplate: z.number().int().positive(),
    minRunPeer: z.number().int().positive(),
    window: z.number().int().positive(),
    candidates: z.number().int().positive(),
  }),
  /** By source, then section index. */
  sections: z.array(SectionReuseSchema),
  /** Per plan: reuse weighted by section length, and its restated and local sections. */
  plans: z.array(
    z.object({
      source: z.string(),
      region: z.string().nullable(),
      reuse: z.number().min(0).max(1).nullable(),
      restated: z.number().int().nonnegative(),
      local: z.number().int().nonnegative(),
    }),
  ),
  diff: SectionDiffSchema.nullable(),
});
export type ReuseReport = z.infer<typeof ReuseReportSchema>;

// ----------------------------------------------------------------------------------------- outliers

/**
 * What stands out, for the terminal: a target beyond one standard deviation of its peers (`target`),
 * a top-level item a plan lacks that at least two thirds of the others have (`coverage`), a restated
 * section (`restated`, reuse ≥ 0.5) or a section at least 95% in the plan's own wording (`local`).
 */
export const OutlierSchema = z.object({
  kind: z.enum(['target', 'coverage', 'restated', 'local']),
  source: z.string(),
  region: z.string().nullable(),
  message: z.string(),
});
export type Outlier = z.infer<typeof OutlierSchema>;

// ------------------------------------------------------------------------------------------- report

/** What `gangyao compare --format json` prints. */
export const ComparisonReportSchema = z.object({
  schemaVersion: z.literal(COMPARISON_SCHEMA_VERSION),
  /** The template every plan was aligned with, or null when they differ. */
  template: z.object({ id: z.string(), title: z.string(), period: z.object({ start: z.number().int(), end: z.number().int() }) }).nullable(),
  plans: z.number().int().nonnegative(),
  targets: TargetComparisonTableSchema,
  matrix: CoverageMatrixSchema,
  /** Rows sorted by how many plans state them, then key, then unit. */
  indicators: z.array(IndicatorRowSchema),
  agencies: AgencyComparisonSchema,
  /** By source. */
  parents: z.array(PlanParentsSchema),
  reuse: ReuseReportSchema,
  outliers: z.array(OutlierSchema),
  diagnostics: z.array(CompareDiagnosticSchema),
});
export type ComparisonReport = z.infer<typeof ComparisonReportSchema>;
