import { z } from 'zod';
import { PlanAlignmentSchema } from '../align/schema.js';
import { DiagnosticSchema } from '../model/diagnostic.js';
import { SpanSchema } from '../model/span.js';
import { TemplateBaselineSchema, TemplateTargetSchema } from '../template/schema.js';

/**
 * How far a plan covers one template item:
 * - `full`: a section is aligned with it (top-level: and at least half its sub-items are covered, or it
 *   has none); a sub-item: a measure is aligned with it and is not merely `narrower`.
 * - `partial`: top-level: aligned but fewer than half its sub-items covered, or not aligned while some of
 *   its sub-items are covered elsewhere; sub-item: only `narrower` measures, or no measure of its own but
 *   its keywords are in the text of the section aligned with its parent.
 * - `none`: nothing in the plan.
 */
export const CoverageStatusSchema = z.enum(['full', 'partial', 'none']);
export type CoverageStatus = z.infer<typeof CoverageStatusSchema>;

/** Where a template item was found: a section, or a measure of a section (indices into the plan). */
export const CoverageRefSchema = z.object({
  section: z.number().int().nonnegative(),
  measure: z.number().int().nonnegative().nullable(),
});
export type CoverageRef = z.infer<typeof CoverageRefSchema>;

export const ItemCoverageSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** `section`: a top-level action/project; `sub-item`: one of their sub-items; `org`: 组织实施 items. */
  level: z.enum(['section', 'sub-item', 'org']),
  status: CoverageStatusSchema,
  by: z.array(CoverageRefSchema),
});
export type ItemCoverage = z.infer<typeof ItemCoverageSchema>;

/**
 * Counts with their denominator stated: `total` items of the level, `covered` full, `partial`, `none`;
 * `ratio = (covered + 0.5 · partial) / total` (0 when total is 0).
 */
export const CoverageCountSchema = z.object({
  covered: z.number().int().nonnegative(),
  partial: z.number().int().nonnegative(),
  none: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  ratio: z.number().min(0).max(1),
});
export type CoverageCount = z.infer<typeof CoverageCountSchema>;

/** Coverage of a template by a plan: per item, and counted per level. */
export const CoverageSchema = z.object({
  templateId: z.string(),
  /** Top-level actions and projects. */
  sections: CoverageCountSchema,
  /** Sub-items of the actions and projects. */
  subItems: CoverageCountSchema,
  /** 组织实施 items; assessed only through sections of kind `other` aligned with them, which few plans have. */
  org: CoverageCountSchema,
  /** Every template item, in template order (covered + partial + none = all items). */
  items: z.array(ItemCoverageSchema),
});
export type Coverage = z.infer<typeof CoverageSchema>;

/** A section or measure of the plan with no counterpart in the template. */
export const ExtraSchema = z.object({
  kind: z.enum(['section', 'measure']),
  section: z.number().int().nonnegative(),
  measure: z.number().int().nonnegative().nullable(),
  title: z.string(),
  span: SpanSchema,
});
export type Extra = z.infer<typeof ExtraSchema>;

/** What the plan lacks and what it adds. */
export const GapsSchema = z.object({
  /** Template ids with nothing in the plan: top-level items, and sub-items whose parent is present. */
  missing: z.array(z.string()),
  /** Those of `missing` that may only be missing because the text stops early (`plan.truncated`). */
  possiblyTruncated: z.array(z.string()),
  extras: z.array(ExtraSchema),
  diagnostics: z.array(DiagnosticSchema),
});
export type Gaps = z.infer<typeof GapsSchema>;

/**
 * Verdict of a local target against the template's target for the same year (rules in
 * `compare-target.ts`): `exceeds`, `meets`, `at-threshold` (touches the template's bound without
 * promising it: ≥15 against >15), `falls-short`, `unknown` (no comparable template target).
 */
export const TargetVerdictSchema = z.enum(['exceeds', 'meets', 'at-threshold', 'falls-short', 'unknown']);
export type TargetVerdict = z.infer<typeof TargetVerdictSchema>;

/** How the delta is bounded, from the local comparator: ≥18.5 → `at-least`, 约10 → `about`. */
export const DeltaBoundSchema = z.enum(['at-least', 'more-than', 'about', 'exactly']);
export type DeltaBound = z.infer<typeof DeltaBoundSchema>;

export const TargetComparisonSchema = z.object({
  verdict: TargetVerdictSchema,
  /** Local value minus template value, in percentage points; null when not comparable. */
  delta: z.number().nullable(),
  deltaBound: DeltaBoundSchema.nullable(),
  local: z.object({ value: z.number(), year: z.number().int().nullable(), comparator: z.string(), aspirational: z.boolean() }),
  templateTarget: TemplateTargetSchema.nullable(),
  /** 力争/争取: a goal rather than a commitment; the verdict stands but is flagged. */
  aspirational: z.boolean(),
  /** The local figure is approximate (左右/约). */
  approximate: z.boolean(),
  /** One line in plain words: 'exceeds 超过15% by at least 3.5 points'. */
  summary: z.string(),
  diagnostics: z.array(DiagnosticSchema),
});
export type TargetComparison = z.infer<typeof TargetComparisonSchema>;

/** The plan's baseline against the template's, and the planned rise against the template's. */
export const BaselineComparisonSchema = z.object({
  local: z.object({ value: z.number(), year: z.number().int().nullable() }),
  templateBaseline: TemplateBaselineSchema.nullable(),
  /** Local baseline minus template baseline (same year only), percentage points. */
  delta: z.number().nullable(),
  /** Local headline minus local baseline, percentage points (null without a headline). */
  plannedRise: z.number().nullable(),
  /** Template target (the headline's year) minus template baseline. */
  templateRise: z.number().nullable(),
  summary: z.string(),
});
export type BaselineComparison = z.infer<typeof BaselineComparisonSchema>;

/** Everything the gap analysis says about one plan. */
export const PlanAnalysisSchema = z.object({
  source: z.string(),
  template: z.object({
    id: z.string(),
    title: z.string(),
    period: z.object({ start: z.number().int(), end: z.number().int() }),
    reason: z.enum(['given', 'basis', 'period', 'default']),
  }),
  alignment: PlanAlignmentSchema,
  coverage: CoverageSchema,
  missing: z.array(z.string()),
  possiblyTruncated: z.array(z.string()),
  extras: z.array(ExtraSchema),
  target: TargetComparisonSchema.nullable(),
  baseline: BaselineComparisonSchema.nullable(),
  diagnostics: z.array(DiagnosticSchema),
});
export type PlanAnalysis = z.infer<typeof PlanAnalysisSchema>;
