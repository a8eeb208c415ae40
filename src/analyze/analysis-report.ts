import { z } from 'zod';
import { EvidenceSchema, RelationSchema } from '../align/schema.js';
import {
  BaselineComparisonSchema,
  CoverageSchema,
  ExtraSchema,
  TargetComparisonSchema,
} from './schema.js';
import { DiagnosticSchema } from '../model/diagnostic.js';
import {
  AgencySchema,
  BasisDocumentSchema,
  IndicatorSchema,
  LevelSchema,
  PeriodSchema,
  SectionKindSchema,
  TargetSchema,
} from '../model/plan.js';
import { SpanSchema } from '../model/span.js';

/** Bumped when a field other tools read changes meaning or disappears. */
export const REPORT_SCHEMA_VERSION = 1;

export const ReportTemplateSchema = z.object({
  id: z.string(),
  title: z.string(),
  period: z.object({ start: z.number().int(), end: z.number().int() }),
});
export type ReportTemplate = z.infer<typeof ReportTemplateSchema>;

export const ReportMeasureSchema = z.object({
  title: z.string(),
  /** The heading as written in the text as read. */
  raw: z.string(),
  label: z.string().nullable(),
  templateId: z.string().nullable(),
  relation: RelationSchema.nullable(),
  confidence: z.number().min(0).max(1).nullable(),
  /** Aligned with a sub-item of another section's template item. */
  crossSection: z.boolean(),
  evidence: z.array(EvidenceSchema),
  agencies: z.array(AgencySchema),
  span: SpanSchema,
  titleSpan: SpanSchema,
});
export type ReportMeasure = z.infer<typeof ReportMeasureSchema>;

export const ReportSectionSchema = z.object({
  title: z.string(),
  /** The heading as written in the text as read. */
  raw: z.string(),
  kind: SectionKindSchema,
  label: z.string().nullable(),
  templateId: z.string().nullable(),
  relation: RelationSchema.nullable(),
  confidence: z.number().min(0).max(1).nullable(),
  evidence: z.array(EvidenceSchema),
  agencies: z.array(AgencySchema),
  span: SpanSchema,
  titleSpan: SpanSchema,
  measures: z.array(ReportMeasureSchema),
});
export type ReportSection = z.infer<typeof ReportSectionSchema>;

/** One plan in the report. A file that could not be read is here too, with nulls and its error diagnostics. */
export const ReportPlanSchema = z.object({
  source: z.string(),
  title: z.string().nullable(),
  region: z.string().nullable(),
  level: LevelSchema,
  /** GB/T 2260 code of the region, when the gazetteer knows it. */
  regionCode: z.string().nullable(),
  /** Higher divisions, nearest first (绍兴市, 浙江省). */
  parents: z.array(z.string()),
  province: z.string().nullable(),
  period: PeriodSchema.pick({ start: true, end: true, basis: true }).nullable(),
  draft: z.boolean(),
  docNumber: z.string().nullable(),
  basis: z.array(BasisDocumentSchema),
  truncated: z.boolean(),
  template: ReportTemplateSchema.nullable(),
  /** The headline 公民具备科学素质的比例 target, null when absent. */
  target: TargetSchema.nullable(),
  baseline: TargetSchema.nullable(),
  /** The headline target against the template's for the same year. */
  targetDelta: TargetComparisonSchema.nullable(),
  baselineDelta: BaselineComparisonSchema.nullable(),
  sections: z.array(ReportSectionSchema),
  indicators: z.array(IndicatorSchema),
  coverage: CoverageSchema.nullable(),
  /** Template ids with no counterpart in the plan. */
  missing: z.array(z.string()),
  /** Those of `missing` that may only be missing because the text stops early. */
  possiblyTruncated: z.array(z.string()),
  extras: z.array(ExtraSchema),
  diagnostics: z.array(DiagnosticSchema),
});
export type ReportPlan = z.infer<typeof ReportPlanSchema>;

/** What `gangyao analyze --format json` prints; see report-contract.md for the fields tools rely on. */
export const AnalysisReportSchema = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  generator: z.object({ name: z.literal('gangyao'), version: z.string() }),
  /** The template every plan was aligned to, or null when plans used different ones (see each plan's). */
  template: ReportTemplateSchema.nullable(),
  plans: z.array(ReportPlanSchema),
  summary: z.object({
    plans: z.number().int().nonnegative(),
    read: z.number().int().nonnegative(),
    errors: z.number().int().nonnegative(),
    warnings: z.number().int().nonnegative(),
  }),
});
export type AnalysisReport = z.infer<typeof AnalysisReportSchema>;
