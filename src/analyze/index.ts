export * from './schema.js';
export { computeCoverage } from './compute-coverage.js';
export { findGaps } from './find-gaps.js';
export { compareTarget } from './compare-target.js';
export { compareBaseline } from './compare-baseline.js';
export { analyzePlan, headlineTarget, type AnalyzeOptions } from './analyze-plan.js';
export { templateFromPlan, type TemplateFromPlanOptions } from './template-from-plan.js';
