import { alignPlan } from '../align/align-plan.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Plan, Target } from '../model/plan.js';
import { chooseTemplate } from '../template/choose-template.js';
import type { Template } from '../template/schema.js';
import { compareBaseline } from './compare-baseline.js';
import { compareTarget } from './compare-target.js';
import { computeCoverage } from './compute-coverage.js';
import { findGaps } from './find-gaps.js';
import type { PlanAnalysis } from './schema.js';
import { checkOptions } from '../model/check-options.js';
import { checkTemplate } from '../template/check-template.js';
import { AlignOptionsSchema } from '../align/align-plan.js';

/** Options of {@link analyzePlan}. */
export interface AnalyzeOptions {
  /** The plan's text as read, so that evidence spans can be located and checked (see `alignPlan`). */
  text?: string;
  /** Collect evidence (default true; see `alignPlan`). */
  evidence?: boolean;
}

/**
 * The gap analysis of one plan: chooses the template when none is given (by basis, then period),
 * aligns the plan with it, and reports coverage, missing items, local extras, the headline target
 * against the template's target for the same year, and the baseline. A template given explicitly that
 * the plan's own basis or period points away from gets an `align/template-mismatch` warning.
 *
 * @example
 * const plan = parsePlan(text, { source: '上虞.txt' });
 * const a = analyzePlan(plan, undefined, { text });
 * a.target?.verdict;   // 'exceeds' (18.5%以上 against 超过15%)
 * a.missing;           // [ …, 'exchange']
 * a.possiblyTruncated; // ['exchange'] (the text is a site preview that stops early)
 */
export function analyzePlan(plan: Plan, template?: Template, options: AnalyzeOptions = {}): PlanAnalysis {
  if (template !== undefined) checkTemplate('analyzePlan', template);
  checkOptions('analyzePlan', AlignOptionsSchema, options);
  const diagnostics: Diagnostic[] = [];
  let tmpl: Template;
  let reason: PlanAnalysis['template']['reason'];
  if (template) {
    tmpl = template;
    reason = 'given';
    // A plan serving as the template (a parent's) is never the plan's natural template: no check.
    if (!template.id.startsWith('plan:')) {
      const natural = chooseTemplate(plan);
      if (natural.reason !== 'default' && natural.template.id !== template.id) {
        diagnostics.push({
          code: 'align/template-mismatch',
          severity: 'warning',
          message: `the plan was compared with ${template.id}, but ${natural.detail}: ${natural.template.id} fits it`,
          source: plan.source,
        });
      }
    }
  } else {
    const choice = chooseTemplate(plan);
    tmpl = choice.template;
    reason = choice.reason;
    if (tmpl.period.end <= 2020) {
      diagnostics.push({
        code: 'plan/old-template',
        severity: 'info',
        message: `the plan belongs to the earlier outline (${choice.detail}); it was compared with ${tmpl.id}`,
        source: plan.source,
      });
    }
  }
  const alignment = alignPlan(plan, tmpl, {
    ...(options.text === undefined ? {} : { text: options.text }),
    ...(options.evidence === false ? { evidence: false } : {}),
  });
  const coverage = computeCoverage(plan, alignment, tmpl);
  const gaps = findGaps(plan, alignment, tmpl, coverage);
  const headline = headlineTarget(plan);
  const target = headline ? compareTarget(headline, tmpl) : null;
  const baseline = compareBaseline(plan, tmpl, headline);
  diagnostics.push(...alignment.diagnostics, ...gaps.diagnostics, ...(target?.diagnostics ?? []));
  return {
    source: plan.source,
    template: { id: tmpl.id, title: tmpl.title, period: { start: tmpl.period.start, end: tmpl.period.end }, reason },
    alignment,
    coverage,
    missing: gaps.missing,
    possiblyTruncated: gaps.possiblyTruncated,
    extras: gaps.extras,
    target,
    baseline,
    diagnostics: diagnostics.map((d) => (d.source === undefined ? { ...d, source: plan.source } : d)),
  };
}

/** The headline target: a percentage, preferably for the plan's end year, else the first in the text. */
/**
 * The plan's headline target: the 公民具备科学素质的比例 figure for the end of its period, else the first
 * one stated.
 *
 * @example
 * headlineTarget(parsePlan(text))?.value; // 15
 */
export function headlineTarget(plan: Plan): Target | null {
  const heads = plan.targets.filter((t) => t.role === 'headline' && t.unit === '%');
  const end = plan.period?.end;
  return heads.find((t) => t.year === end) ?? [...heads].sort((a, b) => a.span.start - b.span.start)[0] ?? null;
}
