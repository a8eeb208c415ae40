import { analyzePlan, headlineTarget } from './analyze-plan.js';
import type { PlanAnalysis } from './schema.js';
import type { LoadResult } from '../load/load-plan.js';
import type { Plan } from '../model/plan.js';
import type { Template } from '../template/schema.js';
import { VERSION } from '../version.js';
import { digestReportPlan, summarizeReport } from './report-json.js';
import {
  REPORT_SCHEMA_VERSION,
  type AnalysisReport,
  type ReportPlan,
  type ReportSection,
} from './analysis-report.js';
import { z } from 'zod';
import { checkOptions } from '../model/check-options.js';
import { TemplateArgSchema } from '../template/check-template.js';

/** Options of {@link buildAnalysisReport} and {@link buildReportPlan}. */
export interface BuildReportOptions {
  /** Align every plan to this template instead of choosing one from each plan's period and basis. */
  template?: Template;
  /** Collect evidence (default true); without it the entries' evidence lists are empty, all else the same. */
  evidence?: boolean;
}

/** {@link BuildReportOptions} as a schema. */
export const BuildReportOptionsSchema = z.strictObject({ template: TemplateArgSchema.optional(), evidence: z.boolean().optional() });

/**
 * Analyses loaded plans against their templates and builds the one report model every renderer reads.
 * Plans that could not be read stay in the report with their diagnostics. Deterministic: the same
 * inputs give the same report, byte for byte.
 *
 * @example
 * const report = buildAnalysisReport([loadPlanFromText(text, 'lanzhou.txt')]);
 * report.plans[0]?.targetDelta?.verdict; // 'at-threshold'
 */
export function buildAnalysisReport(results: readonly LoadResult[], options: BuildReportOptions = {}): AnalysisReport {
  if (!Array.isArray(results)) throw new TypeError('buildAnalysisReport: expected an array of LoadResults');
  return assembleAnalysisReport(results.map((r) => buildReportPlan(r, options)));
}

/**
 * The report entry of one loaded plan (analysed), or of a file that could not be read. Batches can
 * build entries in parallel and put them together with {@link assembleAnalysisReport}.
 *
 * @example
 * const entry = buildReportPlan(loadPlanFromText(text, 'lanzhou.txt'));
 * entry.target?.value; // 15
 */
export function buildReportPlan(result: LoadResult, options: BuildReportOptions = {}): ReportPlan {
  if (typeof result !== 'object' || result === null || typeof result.source !== 'string' || !Array.isArray(result.diagnostics)) {
    throw new TypeError('buildReportPlan: expected a LoadResult (what loadPlan, loadPlanFromText … return)');
  }
  checkOptions('buildReportPlan', BuildReportOptionsSchema, options);
  return result.plan ? reportPlan(result.plan, result, options.template, options.evidence !== false) : unreadPlan(result);
}

/**
 * Puts report entries together, in the order given: the shared template (when all plans used one)
 * and the summary counts.
 *
 * @example
 * const report = assembleAnalysisReport(results.map((r) => buildReportPlan(r)));
 */
export function assembleAnalysisReport(plans: readonly ReportPlan[]): AnalysisReport {
  const { template, summary } = summarizeReport(plans.map(digestReportPlan));
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    generator: { name: 'gangyao', version: VERSION },
    template,
    plans: [...plans],
    summary,
  };
}

function reportPlan(plan: Plan, r: LoadResult, given: Template | undefined, evidence: boolean): ReportPlan {
  const analysis = analyzePlan(plan, given, { ...(r.text === null ? {} : { text: r.text }), ...(evidence ? {} : { evidence: false }) });
  const headline = headlineTarget(plan);
  const baseline = plan.targets.find((t) => t.role === 'baseline') ?? null;
  const outlined = plan.sections.length > 0;
  return {
    source: r.source,
    title: plan.title,
    region: plan.region?.name ?? null,
    level: plan.level,
    regionCode: plan.region?.code ?? null,
    parents: plan.region?.parents ?? [],
    province: provinceOf(plan),
    period: plan.period ? { start: plan.period.start, end: plan.period.end, basis: plan.period.basis } : null,
    draft: plan.draft,
    docNumber: plan.docNumber,
    basis: plan.basis,
    truncated: plan.truncated,
    template: { id: analysis.template.id, title: analysis.template.title, period: analysis.template.period },
    target: headline,
    baseline,
    targetDelta: analysis.target,
    baselineDelta: analysis.baseline,
    sections: sections(plan, analysis),
    indicators: plan.indicators,
    // A text whose outline gave no action or project was not assessed: it is not said to lack every item.
    coverage: outlined ? analysis.coverage : null,
    missing: outlined ? analysis.missing : [],
    possiblyTruncated: outlined ? analysis.possiblyTruncated : [],
    extras: analysis.extras,
    diagnostics: sortDiagnostics([...r.diagnostics, ...plan.diagnostics, ...analysis.diagnostics]),
  };
}

function sections(plan: Plan, analysis: PlanAnalysis): ReportSection[] {
  return plan.sections.map((s, i) => {
    const a = atIndex(analysis.alignment.sections, i);
    return {
      title: s.title,
      raw: s.raw,
      kind: s.kind,
      label: s.label,
      templateId: a?.templateId ?? null,
      relation: a?.relation ?? null,
      confidence: a ? round(a.confidence) : null,
      evidence: a?.evidence ?? [],
      agencies: s.agencies,
      span: s.span,
      titleSpan: s.titleSpan,
      measures: s.measures.map((m, j) => {
        const ma = a && atIndex(a.measures, j);
        return {
          title: m.title,
          raw: m.raw,
          label: m.label,
          templateId: ma?.templateId ?? null,
          relation: ma?.relation ?? null,
          confidence: ma ? round(ma.confidence) : null,
          crossSection: ma?.crossSection ?? false,
          evidence: ma?.evidence ?? [],
          agencies: m.agencies,
          span: m.span,
          titleSpan: m.titleSpan,
        };
      }),
    };
  });
}

/** The alignment of the section or measure at `index`: alignments list them in the plan's order, so look there first. */
function atIndex<T extends { index: number }>(list: readonly T[], index: number): T | undefined {
  return list[index]?.index === index ? list[index] : list.find((x) => x.index === index);
}

function unreadPlan(r: LoadResult): ReportPlan {
  return {
    source: r.source,
    title: null,
    region: null,
    level: 'unknown',
    regionCode: null,
    parents: [],
    province: null,
    period: null,
    draft: false,
    docNumber: null,
    basis: [],
    truncated: false,
    template: null,
    target: null,
    baseline: null,
    targetDelta: null,
    baselineDelta: null,
    sections: [],
    indicators: [],
    coverage: null,
    missing: [],
    possiblyTruncated: [],
    extras: [],
    diagnostics: sortDiagnostics(r.diagnostics),
  };
}


function provinceOf(plan: Plan): string | null {
  const r = plan.region;
  if (!r) return null;
  if (r.level === 'province') return r.name;
  return r.parents.at(-1) ?? null;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Errors first, then by position, then by code: a stable order for every run. */
function sortDiagnostics<T extends { severity: 'error' | 'warning' | 'info'; code: string; span?: { start: number } | undefined }>(ds: T[]): T[] {
  return [...ds].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.span?.start ?? -1) - (b.span?.start ?? -1) ||
      // Code-unit order: localeCompare follows the runtime's locale (lt, lv, haw order letters otherwise).
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
